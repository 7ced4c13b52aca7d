package org.rnnkit.core.layers;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Attention of an encoder-decoder as a DL4J graph vertex (configuration; {@link AttentionGraphVertex} runs it).
 * Inputs: the decoder's outputs {@code [batch, decoderSize, targetTime]} and the encoder states
 * {@code [batch, encoderSize, sourceTime]}, whose mask (the source mask) the graph passes along. For every decoder
 * step it scores each encoder state, turns the scores into weights by a softmax over the real source steps only
 * (padding gets weight exactly 0), takes the weighted sum of the encoder states as the context {@code c}, and
 * outputs Luong et al.'s (2015) attentional vector {@code tanh(Wc [c; h] + bc)}, {@code [batch, units, targetTime]}.
 *
 * <p>Scores: {@link Score#DOT} {@code h·s} (needs equal sizes), {@link Score#GENERAL} {@code h·(Wa s)} (Luong),
 * {@link Score#ADDITIVE} {@code v·tanh(W1 h + W2 s + b)} (Bahdanau et al. 2015, with {@code units} hidden units).
 * Every decoder step is computed at once in training (teacher forcing) and one step at a time in decoding: the
 * same vertex, the same numbers. Parameters are trained with the updater, clipping and L2 given here (the
 * encoder-decoder compiler passes the model's).
 */
public class AttentionVertex extends GraphVertex implements TrainingConfig {

    /** How a decoder state and an encoder state are scored. */
    public enum Score {
        /** {@code h·s}: no parameters; decoder and encoder sizes must be equal. */
        DOT,
        /** {@code h·(Wa s)}: Luong's "general" score. */
        GENERAL,
        /** {@code v·tanh(W1 h + W2 s + b)}: Bahdanau's additive score. */
        ADDITIVE
    }

    @JsonProperty private Score score;
    @JsonProperty private long decoderSize;
    @JsonProperty private long encoderSize;
    @JsonProperty private long units;
    @JsonProperty private IUpdater updater;
    @JsonProperty private GradientNormalization gradientNormalization = GradientNormalization.None;
    @JsonProperty private double gradientNormalizationThreshold;
    @JsonProperty private double l2;
    @JsonProperty private String name = "attention";
    @JsonProperty private DataType dataType = DataType.FLOAT;

    /** For JSON. */
    public AttentionVertex() {
    }

    /**
     * @param score       how states are scored
     * @param decoderSize size of a decoder output
     * @param encoderSize size of an encoder state (both directions of a bidirectional encoder)
     * @param units       size of the attentional vector (and of the additive score's hidden layer)
     * @param updater     updater of the vertex's parameters
     */
    public AttentionVertex(Score score, long decoderSize, long encoderSize, long units, IUpdater updater) {
        if (score == null || decoderSize < 1 || encoderSize < 1 || units < 1 || updater == null) {
            throw new IllegalArgumentException("attention needs a score, positive sizes and an updater, got " + score
                    + ", decoder " + decoderSize + ", encoder " + encoderSize + ", units " + units);
        }
        if (score == Score.DOT && decoderSize != encoderSize) {
            throw new IllegalArgumentException("dot attention needs decoder and encoder states of one size, got "
                    + decoderSize + " and " + encoderSize + " (a bidirectional encoder doubles it): use GENERAL");
        }
        this.score = score;
        this.decoderSize = decoderSize;
        this.encoderSize = encoderSize;
        this.units = units;
        this.updater = updater;
    }

    /** A copy with gradient clipping (DL4J's per-layer normalisation) and L2 on the weights. */
    public AttentionVertex withTraining(GradientNormalization normalization, double threshold, double l2Coefficient) {
        AttentionVertex copy = clone();
        copy.gradientNormalization = normalization == null ? GradientNormalization.None : normalization;
        copy.gradientNormalizationThreshold = threshold;
        copy.l2 = l2Coefficient;
        return copy;
    }

    public Score getScore() {
        return score;
    }

    public long getDecoderSize() {
        return decoderSize;
    }

    public long getEncoderSize() {
        return encoderSize;
    }

    public long getUnits() {
        return units;
    }

    /** The parameters in their order in the flat parameter vector, with their shapes. */
    @JsonIgnore
    public List<AttentionParams.Param> params() {
        return AttentionParams.layout(this);
    }

    @Override
    public AttentionVertex clone() {
        AttentionVertex c = new AttentionVertex();
        c.score = score;
        c.decoderSize = decoderSize;
        c.encoderSize = encoderSize;
        c.units = units;
        c.updater = updater == null ? null : updater.clone();
        c.gradientNormalization = gradientNormalization;
        c.gradientNormalizationThreshold = gradientNormalizationThreshold;
        c.l2 = l2;
        c.name = name;
        c.dataType = dataType;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttentionVertex a && a.score == score && a.decoderSize == decoderSize
                && a.encoderSize == encoderSize && a.units == units && Objects.equals(a.updater, updater)
                && a.gradientNormalization == gradientNormalization
                && a.gradientNormalizationThreshold == gradientNormalizationThreshold && a.l2 == l2;
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, decoderSize, encoderSize, units, updater, gradientNormalization, l2);
    }

    @Override
    public long numParams(boolean backprop) {
        return AttentionParams.count(this);
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String vertexName,
            int idx, INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        AttentionVertex conf = clone();
        conf.name = vertexName;
        conf.dataType = networkDatatype;
        return new AttentionGraphVertex(graph, vertexName, idx, conf, paramsView, initializeParams, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        if (inputs.length != 2 || !(inputs[0] instanceof InputType.InputTypeRecurrent decoder)
                || !(inputs[1] instanceof InputType.InputTypeRecurrent encoder)) {
            throw new InvalidInputTypeException("attention takes two recurrent inputs (decoder outputs, encoder "
                    + "states), got " + java.util.Arrays.toString(inputs));
        }
        if (decoder.getSize() != decoderSize || encoder.getSize() != encoderSize) {
            throw new InvalidInputTypeException("attention was declared for decoder size " + decoderSize
                    + " and encoder size " + encoderSize + ", got " + decoder.getSize() + " and " + encoder.getSize());
        }
        return InputType.recurrent(units, decoder.getTimeSeriesLength(), decoder.getFormat());
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType out = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(name, AttentionVertex.class, inputTypes[0], out)
                .standardMemory(numParams(true), numParams(true))
                .workingMemory(0, 0, MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    @JsonIgnore
    public String getLayerName() {
        return name;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        // Weights are regularised, biases are not (as DL4J does for its layers).
        return l2 > 0 && !AttentionParams.isBias(paramName) ? List.of(new L2Regularization(l2))
                : Collections.emptyList();
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return updater;
    }

    @Override
    public GradientNormalization getGradientNormalization() {
        return gradientNormalization;
    }

    @Override
    public double getGradientNormalizationThreshold() {
        return gradientNormalizationThreshold;
    }

    @Override
    public void setDataType(DataType dataType) {
        this.dataType = dataType;
    }

    @Override
    public String toString() {
        return "AttentionVertex(" + score + ", decoder " + decoderSize + ", encoder " + encoderSize + ", units "
                + units + ")";
    }
}
