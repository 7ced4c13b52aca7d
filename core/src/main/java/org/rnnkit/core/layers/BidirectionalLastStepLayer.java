package org.rnnkit.core.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.nd4j.common.primitives.Pair;
import org.deeplearning4j.nn.api.MaskState;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Implementation of {@link BidirectionalLastStep}. Each half is selected with a one-hot weight over time
 * ({@code [batch, 1, time]}), so forward and backward passes are one broadcast product each.
 */
public class BidirectionalLastStepLayer extends AbstractLayer<BidirectionalLastStep> {

    public BidirectionalLastStepLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (input.rank() != 3 || input.size(1) % 2 != 0) {
            throw new DL4JInvalidInputException("BidirectionalLastStep expects [batch, 2H, time] input, got shape "
                    + java.util.Arrays.toString(input.shape()) + " " + layerId());
        }
        long half = input.size(1) / 2;
        INDArray forward = input.get(NDArrayIndex.all(), NDArrayIndex.interval(0, half), NDArrayIndex.all());
        INDArray backward = input.get(NDArrayIndex.all(), NDArrayIndex.interval(half, 2 * half), NDArrayIndex.all());
        INDArray out = Nd4j.concat(1, forward.mul(selector(true)).sum(2), backward.mul(selector(false)).sum(2));
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, out);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        long batch = input.size(0);
        long half = input.size(1) / 2;
        long steps = input.size(2);
        INDArray epsForward = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(0, half)).reshape(batch, half, 1);
        INDArray epsBackward = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(half, 2 * half))
                .reshape(batch, half, 1);
        INDArray grad = Nd4j.concat(1,
                epsForward.mul(selector(true)).castTo(dataType),
                epsBackward.mul(selector(false)).castTo(dataType));
        if (grad.size(2) != steps) {
            throw new IllegalStateException("gradient time length " + grad.size(2) + " != input " + steps);
        }
        return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, grad));
    }

    /** One-hot over time at each sequence's last real step ({@code last}) or first real step. */
    private INDArray selector(boolean last) {
        long batch = input.size(0);
        long steps = input.size(2);
        INDArray select = Nd4j.zeros(input.dataType(), batch, 1, steps);
        for (long b = 0; b < batch; b++) {
            long chosen = last ? steps - 1 : 0;
            if (maskArray != null) {
                INDArray row = maskArray.getRow(b);
                long first = -1;
                long final_ = -1;
                for (long t = 0; t < steps; t++) {
                    if (row.getDouble(t) != 0) {
                        final_ = t;
                        first = first < 0 ? t : first;
                    }
                }
                chosen = last ? Math.max(final_, 0) : Math.max(first, 0);
            }
            select.putScalar(new long[] {b, 0, chosen}, 1.0);
        }
        return select;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        // The mask is used here, to find each sequence's ends; nothing after this layer is masked.
        this.maskArray = maskArray;
        return null;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
    }

    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        return 0;
    }
}
