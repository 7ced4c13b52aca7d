package org.rnnkit.core.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.rnnkit.core.layers.AttentionMath.Dims;

/**
 * The running {@link AttentionVertex}: inputs {@code [decoder outputs, encoder states]}, the encoder states' mask
 * from the graph ({@link #feedForwardMaskArrays}), output the attentional vectors; backward gives the gradients of
 * both inputs and of the parameters. All work happens outside DL4J's workspaces on arrays of its own, and backward
 * recomputes the forward pass from the inputs, so no cached array can outlive its workspace.
 */
public final class AttentionGraphVertex extends BaseGraphVertex {
    private final AttentionVertex conf;
    private final INDArray params;
    private final Map<String, INDArray> paramViews;
    private INDArray gradients;
    private Map<String, INDArray> gradientViews;
    private INDArray sourceMask;
    private INDArray lastWeights;

    AttentionGraphVertex(ComputationGraph graph, String name, int index, AttentionVertex conf, INDArray paramsView,
                         boolean initialize, DataType dataType) {
        super(graph, name, index, null, null, dataType);
        this.conf = conf;
        this.params = paramsView;
        this.paramViews = AttentionParams.views(conf, paramsView);
        if (initialize) {
            AttentionParams.initialize(paramViews);
        }
    }

    /** The configuration this vertex runs. */
    public AttentionVertex attention() {
        return conf;
    }

    /**
     * The attention weights of the last forward pass, {@code [batch, targetTime, sourceTime]} (each row sums to 1
     * over the real source steps, 0 on padding); null before the first.
     */
    public INDArray lastWeights() {
        return lastWeights;
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) {
            throw new IllegalStateException("attention vertex '" + vertexName + "': inputs not set");
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            Forward f = forward(false);
            INDArray out = f.output.reshape('c', f.dims.batch(), f.dims.tt(), conf.getUnits()).permute(0, 2, 1);
            return workspaceMgr.dup(ArrayType.ACTIVATIONS, out, 'f');
        }
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) {
            throw new IllegalStateException("attention vertex '" + vertexName + "': inputs or epsilon not set");
        }
        INDArray[] eps = new INDArray[2];
        Gradient gradient = new DefaultGradient(gradients);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            Forward f = forward(true);
            Dims d = f.dims;
            int hd = (int) conf.getDecoderSize();
            int e = (int) conf.getEncoderSize();
            int u = (int) conf.getUnits();
            INDArray dOut = epsilon.permute(0, 2, 1).dup('c').reshape('c', (long) d.batch() * d.tt(), u)
                    .castTo(f.output.dataType());
            INDArray dPre = dOut.mul(f.output.mul(f.output).rsubi(1));
            gradientViews.get(AttentionParams.WC).assign(f.joined.transpose().mmul(dPre));
            gradientViews.get(AttentionParams.BC).assign(dPre.sum(0).reshape(1, u));
            double[] dJoined = flat(dPre.mmul(paramViews.get(AttentionParams.WC).transpose()));
            double[] dContext = new double[d.batch() * d.tt() * e];
            double[] dQuery = new double[d.batch() * d.tt() * hd];
            for (int row = 0; row < d.batch() * d.tt(); row++) {
                System.arraycopy(dJoined, row * (e + hd), dContext, row * e, e);
                System.arraycopy(dJoined, row * (e + hd) + e, dQuery, row * hd, hd);
            }
            double[] dStates = new double[d.batch() * d.ts() * e];
            double[] dScores = AttentionMath.contextBackward(d, f.weights, f.states, dContext, e, dStates);
            INDArray dStates2;
            switch (conf.getScore()) {
                case DOT -> {
                    AttentionMath.dotScoresBackward(d, dScores, f.queries, f.states, hd, dQuery, dStates);
                    dStates2 = matrix(dStates, d.batch() * d.ts(), e);
                }
                case GENERAL -> {
                    double[] dKeys = new double[d.batch() * d.ts() * hd];
                    AttentionMath.dotScoresBackward(d, dScores, f.queries, f.keys, hd, dQuery, dKeys);
                    INDArray dKeys2 = matrix(dKeys, d.batch() * d.ts(), hd);
                    gradientViews.get(AttentionParams.WA).assign(f.states2.transpose().mmul(dKeys2));
                    dStates2 = matrix(dStates, d.batch() * d.ts(), e)
                            .addi(dKeys2.mmul(paramViews.get(AttentionParams.WA).transpose()));
                }
                case ADDITIVE -> {
                    double[] dQa = new double[d.batch() * d.tt() * u];
                    double[] dKa = new double[d.batch() * d.ts() * u];
                    double[] dBias = new double[u];
                    double[] dV = new double[u];
                    AttentionMath.additiveScoresBackward(d, dScores, f.hidden, f.v, u, dQa, dKa, dBias, dV);
                    INDArray dQa2 = matrix(dQa, d.batch() * d.tt(), u);
                    INDArray dKa2 = matrix(dKa, d.batch() * d.ts(), u);
                    gradientViews.get(AttentionParams.W1).assign(f.queries2.transpose().mmul(dQa2));
                    gradientViews.get(AttentionParams.W2).assign(f.states2.transpose().mmul(dKa2));
                    gradientViews.get(AttentionParams.B).assign(matrix(dBias, 1, u));
                    gradientViews.get(AttentionParams.V).assign(matrix(dV, u, 1));
                    dStates2 = matrix(dStates, d.batch() * d.ts(), e)
                            .addi(dKa2.mmul(paramViews.get(AttentionParams.W2).transpose()));
                    double[] fromQa = flat(dQa2.mmul(paramViews.get(AttentionParams.W1).transpose()));
                    for (int i = 0; i < dQuery.length; i++) {
                        dQuery[i] += fromQa[i];
                    }
                }
                default -> throw new IllegalStateException("unknown score " + conf.getScore());
            }
            INDArray dDecoder = matrix(dQuery, d.batch() * d.tt(), hd).reshape('c', d.batch(), d.tt(), hd)
                    .permute(0, 2, 1);
            INDArray dEncoder = dStates2.reshape('c', d.batch(), d.ts(), e).permute(0, 2, 1);
            eps[0] = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, dDecoder, 'f');
            eps[1] = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, dEncoder, 'f');
        }
        for (String name : gradientViews.keySet()) {
            gradient.setGradientFor(name, gradientViews.get(name));
        }
        return new Pair<>(gradient, eps);
    }

    /** Everything the forward pass computed, for the backward pass. */
    private record Forward(Dims dims, INDArray queries2, INDArray states2, double[] queries, double[] states,
                           double[] keys, double[] hidden, double[] v, double[] weights, INDArray joined,
                           INDArray output) {
    }

    private Forward forward(boolean keepHidden) {
        INDArray decoder = inputs[0];
        INDArray encoder = inputs[1];
        int hd = (int) conf.getDecoderSize();
        int e = (int) conf.getEncoderSize();
        int u = (int) conf.getUnits();
        if (decoder.rank() != 3 || encoder.rank() != 3 || decoder.size(1) != hd || encoder.size(1) != e
                || decoder.size(0) != encoder.size(0)) {
            throw new IllegalArgumentException("attention vertex '" + vertexName + "' expects decoder outputs [batch, "
                    + hd + ", time] and encoder states [batch, " + e + ", time] of one batch, got "
                    + java.util.Arrays.toString(decoder.shape()) + " and " + java.util.Arrays.toString(encoder.shape()));
        }
        DataType type = params.dataType();
        Dims d = new Dims((int) decoder.size(0), (int) decoder.size(2), (int) encoder.size(2));
        INDArray queries2 = decoder.permute(0, 2, 1).dup('c').reshape('c', (long) d.batch() * d.tt(), hd).castTo(type);
        INDArray states2 = encoder.permute(0, 2, 1).dup('c').reshape('c', (long) d.batch() * d.ts(), e).castTo(type);
        double[] queries = flat(queries2);
        double[] states = flat(states2);
        double[] mask = null;
        if (sourceMask != null) {
            if (sourceMask.length() != (long) d.batch() * d.ts()) {
                throw new IllegalArgumentException("attention vertex '" + vertexName + "': source mask of shape "
                        + java.util.Arrays.toString(sourceMask.shape()) + " for encoder states of batch " + d.batch()
                        + " and " + d.ts() + " steps");
            }
            mask = flat(sourceMask);
        }
        double[] keys = null;
        double[] hidden = null;
        double[] v = null;
        double[] scores = switch (conf.getScore()) {
            case DOT -> AttentionMath.dotScores(d, queries, states, hd);
            case GENERAL -> {
                keys = flat(states2.mmul(paramViews.get(AttentionParams.WA)));
                yield AttentionMath.dotScores(d, queries, keys, hd);
            }
            case ADDITIVE -> {
                v = flat(paramViews.get(AttentionParams.V));
                hidden = keepHidden ? new double[d.batch() * d.tt() * d.ts() * u] : null;
                yield AttentionMath.additiveScores(d, flat(queries2.mmul(paramViews.get(AttentionParams.W1))),
                        flat(states2.mmul(paramViews.get(AttentionParams.W2))), flat(paramViews.get(AttentionParams.B)),
                        v, u, hidden);
            }
        };
        double[] weights = AttentionMath.maskedSoftmax(d, scores, mask);
        double[] context = AttentionMath.context(d, weights, states, e);
        double[] joinedValues = new double[d.batch() * d.tt() * (e + hd)];
        for (int row = 0; row < d.batch() * d.tt(); row++) {
            System.arraycopy(context, row * e, joinedValues, row * (e + hd), e);
            System.arraycopy(queries, row * hd, joinedValues, row * (e + hd) + e, hd);
        }
        INDArray joined = matrix(joinedValues, d.batch() * d.tt(), e + hd);
        INDArray output = Transforms.tanh(joined.mmul(paramViews.get(AttentionParams.WC))
                .addiRowVector(paramViews.get(AttentionParams.BC)), false);
        lastWeights = Nd4j.create(weights, new long[] {d.batch(), d.tt(), d.ts()}, 'c');
        return new Forward(d, queries2, states2, queries, states, keys, hidden, v, weights, joined, output);
    }

    /** A fresh {@code [rows, cols]} array of the parameters' type holding {@code values} row by row. */
    private INDArray matrix(double[] values, long rows, long cols) {
        return Nd4j.create(values, new long[] {rows, cols}, 'c').castTo(params.dataType());
    }

    private static double[] flat(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        this.gradients = backpropGradientsViewArray;
        this.gradientViews = AttentionParams.views(conf, backpropGradientsViewArray);
    }

    /** Keeps the encoder states' mask (input 1); the output is masked like the decoder outputs (input 0). */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        sourceMask = maskArrays == null || maskArrays.length < 2 ? null : maskArrays[1];
        INDArray out = maskArrays == null || maskArrays.length < 1 ? null : maskArrays[0];
        return new Pair<>(out, out == null ? null : currentMaskState);
    }

    /** Also forgets the source mask: a later pass without masks must not read this one's. */
    @Override
    public void clear() {
        super.clear();
        sourceMask = null;
    }

    @Override
    public long numParams() {
        return params == null ? 0 : params.length();
    }

    @Override
    public INDArray params() {
        return params;
    }

    @Override
    public Map<String, INDArray> paramTable(boolean backpropOnly) {
        return new LinkedHashMap<>(paramViews);
    }

    @Override
    public INDArray getGradientsViewArray() {
        return gradients;
    }

    @Override
    public TrainingConfig getConfig() {
        return conf;
    }

    @Override
    public boolean updaterDivideByMinibatch(String paramName) {
        return true;
    }

    @Override
    public String toString() {
        return "AttentionGraphVertex(" + vertexName + ", " + conf + ")";
    }
}
