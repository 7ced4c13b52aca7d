package org.rnnkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.rnnkit.core.builder.Seq2SeqCompiler;
import org.rnnkit.core.builder.Seq2SeqParts;
import org.rnnkit.core.decode.Seq2SeqStepper;
import org.rnnkit.core.decode.StepModel;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.layers.AttentionGraphVertex;
import org.rnnkit.core.spec.Seq2SeqSpec;
import org.rnnkit.core.spec.SpecException;

/**
 * An encoder-decoder model: trained with teacher forcing on (source, previous target, target)
 * triples, as {@code TranslationIterator} makes them, and decoded one token at a time through
 * {@link #stepper()} by any {@link org.rnnkit.core.decode.Search}, the encoder running once per batch.
 */
public final class Seq2SeqModel extends NetworkModel<ComputationGraph> {
    private final Seq2SeqSpec spec;
    private final Seq2SeqParts parts;

    private Seq2SeqModel(Seq2SeqSpec spec, ComputationGraph network) {
        super(network);
        this.spec = spec;
        Seq2SeqParts current = Seq2SeqParts.of(spec);
        Seq2SeqParts legacy = Seq2SeqParts.legacy(spec);
        this.parts = network.getVertex(current.finalStates()) == null && network.getVertex(legacy.finalStates()) != null
                ? legacy : current;
        for (String vertex : parts.vertices()) {
            SpecException.require(network.getVertex(vertex) != null,
                    "the graph has no '%s' part of rnnkit's encoder-decoder layout (%s): it was saved by an older "
                            + "rnnkit or built elsewhere; rebuild it from its spec and train it again",
                    vertex, parts.vertices());
        }
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

    public Seq2SeqSpec spec() {
        return spec;
    }

    @Override
    public String specJson() {
        return spec.toJson();
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

    /** The names of the graph's parts, as the compiler laid them out. */
    public Seq2SeqParts parts() {
        return parts;
    }

    /**
     * This model as a {@link StepModel}, for any {@link org.rnnkit.core.decode.Search}: sources are token ids
     * (PAD, UNK, BOS, EOS as {@code org.rnnkit.datasets.SpecialTokens} says), decoding starts from BOS.
     */
    public StepModel stepper() {
        return Seq2SeqStepper.of(this);
    }

    @Override
    public ComputationGraph network() {
        return network;
    }

    @Override
    public String summary() {
        ComputationGraphConfiguration conf = network.getConfiguration();
        Map<String, InputType> types = conf.getLayerActivationTypes(Seq2SeqCompiler.inputTypes(spec));
        ModelSummary table = new ModelSummary();
        for (Layer layer : network.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            table.row(name, layer.conf().getLayer(), types.get(name), layer.numParams());
            if (name.equals(parts.decoder().get(parts.decoder().size() - 1)) && parts.attention() != null) {
                // The attention vertex is not a layer, but it has parameters and sits before the output layer.
                AttentionGraphVertex attention = (AttentionGraphVertex) network.getVertex(parts.attention());
                table.row(parts.attention(), attention.attention(), types.get(parts.attention()),
                        attention.numParams());
            }
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
