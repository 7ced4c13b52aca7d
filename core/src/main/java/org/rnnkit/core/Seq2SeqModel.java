package org.rnnkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.builder.Seq2SeqCompiler;
import org.rnnkit.core.generate.Sampling;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.Seq2SeqSpec;
import org.rnnkit.core.spec.SpecException;

/**
 * An encoder-decoder model: trained with teacher forcing on (source, previous target, target)
 * triples, and decoded one token at a time for inference, the encoder running once per batch.
 */
public final class Seq2SeqModel implements RnnModel {
    private final Seq2SeqSpec spec;
    private final ComputationGraph network;

    private Seq2SeqModel(Seq2SeqSpec spec, ComputationGraph network) {
        this.spec = spec;
        this.network = network;
    }

    public static Seq2SeqModel create(Seq2SeqSpec spec) {
        return create(spec, DataType.FLOAT);
    }

    public static Seq2SeqModel create(Seq2SeqSpec spec, DataType dataType) {
        ComputationGraph graph = new ComputationGraph(Seq2SeqCompiler.configuration(spec, dataType));
        graph.init();
        return new Seq2SeqModel(spec, graph);
    }

    /** Pairs a spec with an already trained graph of matching layout (used when loading). */
    public static Seq2SeqModel of(Seq2SeqSpec spec, ComputationGraph network) {
        return new Seq2SeqModel(spec, network);
    }

    public static Seq2SeqModel load(Path file) throws IOException {
        return ModelBundle.load(file).seq2seqModel();
    }

    public void save(Path file) throws IOException {
        ModelBundle.of(this).save(file);
    }

    public Seq2SeqSpec spec() {
        return spec;
    }

    @Override
    public String specJson() {
        return spec.toJson();
    }

    @Override
    public ComputationGraph network() {
        return network;
    }

    /**
     * Teacher-forced output {@code [batch, targetVocabulary, targetTime]}: the distribution of each
     * next target token given the source and the true previous target tokens. Inputs are
     * {@code [batch, 1, time]} indices; masks {@code [batch, time]} or null.
     */
    public INDArray output(INDArray source, INDArray sourceMask, INDArray targetIn, INDArray targetMask) {
        return network.output(false, new INDArray[] {source, targetIn},
                new INDArray[] {sourceMask, targetMask}, null)[0];
    }

    /**
     * Decodes a batch of sources token by token: starts each output with {@code bos}, feeds each
     * chosen token back, stops a sequence at {@code eos} (not included) or after {@code maxLength}.
     */
    public int[][] decode(INDArray source, INDArray sourceMask, int bos, int eos, int maxLength,
                          Sampling sampling, long seed) {
        SpecException.require(maxLength > 0, "maxLength must be positive, got %d", maxLength);
        int batch = (int) source.size(0);
        INDArray thought = encode(source, sourceMask);
        Layer embedding = network.getLayer(Seq2SeqCompiler.TARGET_EMBEDDING);
        Layer output = network.getLayer(Seq2SeqCompiler.OUTPUT);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        Random random = new Random(seed);
        int[][] tokens = new int[batch][maxLength];
        int[] lengths = new int[batch];
        Arrays.fill(lengths, -1);
        int[] previous = new int[batch];
        Arrays.fill(previous, bos);
        network.rnnClearPreviousState();
        try {
            for (int t = 0; t < maxLength && Arrays.stream(lengths).anyMatch(l -> l < 0); t++) {
                INDArray step = Nd4j.create(thought.dataType(), batch, 1, 1);
                for (int b = 0; b < batch; b++) {
                    step.putScalar(new long[] {b, 0, 0}, previous[b]);
                }
                INDArray h = Nd4j.concat(1, embedding.activate(step, false, noWorkspaces), thought);
                for (int i = 0; i < spec.rnn().layers(); i++) {
                    h = ((RecurrentLayer) network.getLayer(Seq2SeqCompiler.decoder(i))).rnnTimeStep(h, noWorkspaces);
                }
                INDArray probabilities = output.activate(h, false, noWorkspaces);
                for (int b = 0; b < batch; b++) {
                    if (lengths[b] >= 0) {
                        continue;
                    }
                    int next = sampling.pick(probabilities.slice(b).getColumn(0).toDoubleVector(), random);
                    if (next == eos) {
                        lengths[b] = t;
                    } else {
                        tokens[b][t] = next;
                        previous[b] = next;
                    }
                }
            }
        } finally {
            network.rnnClearPreviousState();
        }
        int[][] result = new int[batch][];
        for (int b = 0; b < batch; b++) {
            result[b] = Arrays.copyOf(tokens[b], lengths[b] < 0 ? maxLength : lengths[b]);
        }
        return result;
    }

    /** The encoder's summary of each source: {@code [batch, units, 1]}. */
    private INDArray encode(INDArray source, INDArray sourceMask) {
        INDArray dummyTarget = Nd4j.zeros(source.dataType(), source.size(0), 1, 1);
        network.setLayerMaskArrays(new INDArray[] {sourceMask, null}, null);
        try {
            Map<String, INDArray> activations = network.feedForward(new INDArray[] {source, dummyTarget}, false, true);
            INDArray thought = activations.get(Seq2SeqCompiler.THOUGHT);
            return thought.reshape(thought.size(0), thought.size(1), 1);
        } finally {
            network.clearLayerMaskArrays();
        }
    }

    @Override
    public String summary() {
        ComputationGraphConfiguration conf = network.getConfiguration();
        Map<String, InputType> types = conf.getLayerActivationTypes(Seq2SeqCompiler.inputTypes(spec));
        ModelSummary table = new ModelSummary();
        for (Layer layer : network.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            table.row(name, layer.conf().getLayer(), types.get(name), layer.numParams());
        }
        return table.toString();
    }

    @Override
    public ModelKind kind() {
        return new Kind();
    }

    @Override
    public double fit(MultiDataSet batch) {
        network.fit(batch);
        return network.score();
    }

    @Override
    public double score(MultiDataSet batch) {
        return network.score(batch, false);
    }

    @Override
    public INDArray updaterState() {
        return network.getUpdater().getStateViewArray();
    }

    @Override
    public int iterationCount() {
        return network.getIterationCount();
    }

    @Override
    public int epochCount() {
        return network.getEpochCount();
    }

    @Override
    public void setCounters(int iterations, int epochs) {
        network.getConfiguration().setIterationCount(iterations);
        network.getConfiguration().setEpochCount(epochs);
    }

    @Override
    public void clearState() {
        network.rnnClearPreviousState();
    }

    /** Reads encoder-decoder models ({@code "seq2seq"} in bundles). */
    public static final class Kind implements ModelKind {
        @Override
        public String name() {
            return "seq2seq";
        }

        @Override
        public Seq2SeqModel read(String specJson, InputStream network) throws IOException {
            return of(Seq2SeqSpec.fromJson(specJson), ModelSerializer.restoreComputationGraph(network, true));
        }
    }
}
