package org.rnnkit.core.layers;

import java.util.Arrays;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Implementation of {@link SequenceOutput}. It treats a sequence batch {@code [mb, nIn, T]} as {@code mb·T} rows
 * (row {@code i + mb·t}, DL4J's order, so label masks and per-example scores line up as in {@code RnnOutputLayer})
 * and differs from DL4J's layer only in how much it computes per training step:
 * <ul>
 *   <li>the backward pass also computes the loss, which the network's score then reads instead of running the
 *       head's product and the label reshape a second time;</li>
 *   <li>input gradients and outputs are written in the column-major layout whose 3-d view needs no copy, and the
 *       rows of rnnkit's recurrent layers' outputs are read as a view.</li>
 * </ul>
 */
public class SequenceOutputLayer extends BaseOutputLayer<SequenceOutput> {

    /** The loss the last backward pass computed, and what it was computed on. */
    private INDArray scoredInput;
    private INDArray scoredLabels;
    private INDArray scoredMask;
    private double scoredLoss;

    public SequenceOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean nwc() {
        return layerConf().getRnnDataFormat() == RNNFormat.NWC;
    }

    /** {@code [mb, features, T]} (or NWC) as {@code [mb·T, features]} rows; a view when the layout allows. */
    private INDArray rows(INDArray seq, LayerWorkspaceMgr mgr, ArrayType type) {
        if (seq.rank() != 3) {
            throw new IllegalStateException("SequenceOutput layer " + layerId() + " expects a sequence [minibatch, "
                    + layerConf().getNIn() + ", time] (" + layerConf().getRnnDataFormat() + "), got "
                    + Arrays.toString(seq.shape()));
        }
        return TimeSeriesUtils.reshape3dTo2d(nwc() ? seq.permute(0, 2, 1) : seq, mgr, type);
    }

    /** {@code [mb·T, width]} column-major rows as the {@code [mb, width, T]} sequence (or NWC) they stand for. */
    private INDArray sequence(INDArray rowsF, long mb) {
        INDArray seq = rowsF.reshape('f', mb, rowsF.size(0) / mb, rowsF.size(1)).permute(0, 2, 1);
        return nwc() ? seq.permute(0, 2, 1) : seq;
    }

    /** {@code x W + b}, column-major, in the workspace of {@code type}. */
    private INDArray preOutput(INDArray x, boolean training, LayerWorkspaceMgr mgr, ArrayType type) {
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, mgr);
        INDArray z = mgr.createUninitialized(type, dataType, new long[] {x.size(0), w.size(1)}, 'f');
        Nd4j.gemm(x.castTo(dataType), w, z, false, false, 1.0, 0.0);
        if (hasBias()) {
            z.addiRowVector(getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, mgr));
        }
        return z;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = rows(input, workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray out = layerConf().getActivationFn()
                .getActivation(preOutput(x, training, workspaceMgr, ArrayType.ACTIVATIONS), training);
        if (maskArray != null) {
            INDArray m = maskArray.castTo(dataType);
            if (m.isColumnVectorOrScalar() && !Arrays.equals(m.shape(), out.shape())) {
                out.muliColumnVector(m);
            } else {
                out.muli(m);
            }
        }
        return sequence(out, input.size(0));
    }

    @Override
    protected INDArray preOutput2d(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = input.rank() == 3 ? rows(input, workspaceMgr, ArrayType.FF_WORKING_MEM) : input;
        return preOutput(x, training, workspaceMgr, ArrayType.FF_WORKING_MEM);
    }

    @Override
    protected INDArray getLabels2d(LayerWorkspaceMgr workspaceMgr, ArrayType arrayType) {
        return labels.rank() == 3 ? rows(labels, workspaceMgr, arrayType) : labels;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (labels == null) {
            throw new IllegalStateException("SequenceOutput layer " + layerId() + " has no labels to learn from");
        }
        applyDropOutIfNecessary(true, workspaceMgr);
        INDArray x = rows(input, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray y = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray z = preOutput(x, true, workspaceMgr, ArrayType.BP_WORKING_MEM);
        Pair<Double, INDArray> lossAndDelta = layerConf().getLossFn()
                .computeGradientAndScore(y, z, layerConf().getActivationFn(), maskArray, false);
        scoredLoss = lossAndDelta.getFirst();
        scoredInput = input;
        scoredLabels = labels;
        scoredMask = maskArray;
        INDArray delta = lossAndDelta.getSecond();

        Gradient gradient = new DefaultGradient();
        INDArray wGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(x.castTo(dataType), delta, wGrad, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, wGrad);
        if (hasBias()) {
            INDArray bGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(bGrad, 0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, bGrad);
        }
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        INDArray eps = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[] {x.size(0), w.size(0)}, 'f');
        Nd4j.gemm(delta, w, eps, false, true, 1.0, 0.0);
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(sequence(eps, input.size(0))));
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (input == null || labels == null) {
            throw new IllegalStateException("Cannot calculate score without input and labels " + layerId());
        }
        double loss;
        if (training && scoredInput == input && scoredLabels == labels && scoredMask == maskArray) {
            loss = scoredLoss;
        } else {
            loss = layerConf().getLossFn().computeScore(getLabels2d(workspaceMgr, ArrayType.FF_WORKING_MEM),
                    preOutput2d(training, workspaceMgr), layerConf().getActivationFn(), maskArray, false);
        }
        forgetScored();
        if (conf().isMiniBatch()) {
            loss /= getInputMiniBatchSize();
        }
        score = loss + fullNetRegTerm;
        return score;
    }

    @Override
    public void computeGradientAndScore(LayerWorkspaceMgr workspaceMgr) {
        if (input == null || labels == null) {
            return;
        }
        gradient = backpropGradient(null, workspaceMgr).getFirst();
        computeScore(0.0, true, workspaceMgr);
    }

    /** Per-sequence scores {@code [mb, 1]}: the loss summed over each sequence's (unmasked) steps. */
    @Override
    public INDArray computeScoreForExamples(double fullNetRegTerm, LayerWorkspaceMgr workspaceMgr) {
        if (input == null || labels == null) {
            throw new IllegalStateException("Cannot calculate score without input and labels " + layerId());
        }
        INDArray perRow = layerConf().getLossFn().computeScoreArray(
                getLabels2d(workspaceMgr, ArrayType.FF_WORKING_MEM), preOutput2d(false, workspaceMgr),
                layerConf().getActivationFn(), maskArray);
        INDArray perSequence = TimeSeriesUtils.reshapeVectorToTimeSeriesMask(perRow, (int) input.size(0)).sum(true, 1);
        if (fullNetRegTerm != 0.0) {
            perSequence.addi(fullNetRegTerm);
        }
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, perSequence);
    }

    @Override
    public double f1Score(INDArray examples, INDArray labels) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        return super.f1Score(examples.rank() == 3 ? rows(examples, none, ArrayType.ACTIVATIONS) : examples,
                labels.rank() == 3 ? rows(labels, none, ArrayType.ACTIVATIONS) : labels);
    }

    @Override
    public void setMaskArray(INDArray maskArray) {
        if (maskArray == null) {
            this.maskArray = null;
        } else if (maskArray.rank() == 2) { // per step: [mb, T] as a column over the rows
            this.maskArray = TimeSeriesUtils.reshapeTimeSeriesMaskToVector(maskArray,
                    LayerWorkspaceMgr.noWorkspacesImmutable(), ArrayType.INPUT);
        } else if (maskArray.rank() == 3) { // per output: like the labels
            this.maskArray = rows(maskArray, LayerWorkspaceMgr.noWorkspacesImmutable(), ArrayType.INPUT);
        } else {
            throw new IllegalArgumentException("SequenceOutput layer " + layerId() + ": a label mask is [minibatch, "
                    + "time] or shaped like the labels, got " + Arrays.toString(maskArray.shape()));
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
            int minibatchSize) {
        if (maskArray != null && currentMaskState == MaskState.Active) {
            inputMaskArray = TimeSeriesUtils.reshapeTimeSeriesMaskToVector(maskArray,
                    LayerWorkspaceMgr.noWorkspacesImmutable(), ArrayType.INPUT);
            inputMaskArrayState = currentMaskState;
        } else {
            inputMaskArray = null;
            inputMaskArrayState = null;
        }
        return null; // the last layer
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public void clear() {
        super.clear();
        forgetScored();
    }

    private void forgetScored() {
        scoredInput = null;
        scoredLabels = null;
        scoredMask = null;
    }
}
