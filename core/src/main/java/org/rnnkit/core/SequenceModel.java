package org.rnnkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.rnnkit.core.builder.NetworkCompiler;
import org.rnnkit.core.decode.SequenceStepper;
import org.rnnkit.core.decode.StepModel;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.ModelSpec;

/**
 * A sequential recurrent model: its immutable {@link ModelSpec} and the DL4J {@link MultiLayerNetwork}
 * compiled from it. Many-to-one, many-to-many and one-to-many (through {@link #stepper()}) models
 * are all of this kind; train them with {@code org.rnnkit.core.train.Trainer}.
 */
public final class SequenceModel extends NetworkModel<MultiLayerNetwork> {
    private final ModelSpec spec;

    private SequenceModel(ModelSpec spec, MultiLayerNetwork network) {
        super(network);
        this.spec = spec;
    }

    /** Compiles and initialises a new network for {@code spec}, with float parameters. */
    public static SequenceModel create(ModelSpec spec) {
        return create(spec, DataType.FLOAT);
    }

    /** Compiles and initialises a new network with parameters of the given precision. */
    public static SequenceModel create(ModelSpec spec, DataType dataType) {
        MultiLayerConfiguration conf = NetworkCompiler.configuration(spec, dataType);
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return new SequenceModel(spec, network);
    }

    /** Pairs a spec with an already trained network of matching layout (used when loading). */
    public static SequenceModel of(ModelSpec spec, MultiLayerNetwork network) {
        return new SequenceModel(spec, network);
    }

    /** Reads a model saved with {@link #save(Path)}. */
    public static SequenceModel load(Path file) throws IOException {
        return ModelBundle.load(file).sequenceModel();
    }

    public ModelSpec spec() {
        return spec;
    }

    @Override
    public String specJson() {
        return spec.toJson();
    }

    /**
     * Inference on a batch. {@code features} is {@code [batch, time]} token indices or
     * {@code [batch, features, time]}; {@code mask} is {@code [batch, time]} with 1 for real steps, or null.
     * Returns {@code [batch, units]} for many-to-one models and {@code [batch, units, time]} otherwise.
     */
    public INDArray output(INDArray features, INDArray mask) {
        return network.output(features, false, mask, null);
    }

    /** Inference on unpadded sequences. */
    public INDArray output(INDArray features) {
        return output(features, null);
    }

    /**
     * This next-token model as a {@link StepModel}, for one-to-many generation by any
     * {@link org.rnnkit.core.decode.Search}; fails if this model cannot step (many-to-one, bidirectional, no
     * softmax over its own input tokens).
     */
    public StepModel stepper() {
        return SequenceStepper.of(this);
    }

    @Override
    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public String summary() {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        List<InputType> types = conf.getLayerActivationTypes(spec.input().inputType());
        ModelSummary table = new ModelSummary(spec.input().inputType());
        for (int i = 0; i < network.getnLayers(); i++) {
            table.row("layer" + i, conf.getConf(i).getLayer(), types.get(i), network.getLayer(i).numParams());
        }
        return table.toString();
    }

    @Override
    public ModelKind kind() {
        return new Kind();
    }

    @Override
    public double fit(MultiDataSet batch) {
        network.fit(single(batch));
        return network.score();
    }

    @Override
    public double score(MultiDataSet batch) {
        return network.score(single(batch), false);
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
        network.setIterationCount(iterations);
        network.setEpochCount(epochs);
    }

    @Override
    public void clearState() {
        network.rnnClearPreviousState();
    }

    private static DataSet single(MultiDataSet batch) {
        return new DataSet(batch.getFeatures(0), batch.getLabels(0),
                batch.getFeaturesMaskArray(0), batch.getLabelsMaskArray(0));
    }

    /** Reads sequence models ({@code "sequence"} in bundles). */
    public static final class Kind implements ModelKind {
        @Override
        public String name() {
            return "sequence";
        }

        @Override
        public SequenceModel read(String specJson, InputStream network) throws IOException {
            return of(ModelSpec.fromJson(specJson), ModelSerializer.restoreMultiLayerNetwork(network, true));
        }
    }
}
