package org.rnnkit.core.benchmark;

import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.rnnkit.core.SequenceModel;

/**
 * Measures the vanishing-gradient claim directly: how much of a many-to-one model's loss gradient reaches each
 * input step. For a batch of equal-length sequences it back-propagates the loss to the input and returns, for each
 * distance {@code d} from the output step, the mean over sequences of {@code ‖∂ℓ_i/∂x_{i,T-1-d}‖} (the norm over
 * the step's features of sequence i's own loss gradient). A cell that forgets shows a norm that falls geometrically
 * with {@code d}.
 */
public final class GradientProbe {

    private GradientProbe() {
    }

    /** The probe on {@code batch} (features {@code [mb, features, T]}, no padding), at the model's current weights. */
    public static GradientNorms measure(SequenceModel model, DataSet batch) {
        if (batch.getFeaturesMaskArray() != null && batch.getFeaturesMaskArray().minNumber().doubleValue() < 1) {
            throw new IllegalArgumentException("the gradient probe needs unpadded sequences of one length");
        }
        INDArray features = batch.getFeatures().castTo(model.network().params().dataType());
        INDArray labels = batch.getLabels().castTo(features.dataType());
        Pair<Gradient, INDArray> gradients = model.network().calculateGradients(features, labels, null, null);
        // DL4J back-propagates the sum of the sequences' losses (it divides by the batch size in the updater), so
        // sequence i's slice is the gradient of its own loss.
        INDArray input = gradients.getSecond();
        long mb = input.size(0);
        int steps = (int) input.size(2);
        double[] byDistance = new double[steps];
        for (int t = 0; t < steps; t++) {
            INDArray step = input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t));
            double sum = 0;
            for (int i = 0; i < mb; i++) {
                sum += step.getRow(i).norm2Number().doubleValue();
            }
            byDistance[steps - 1 - t] = sum / mb;
        }
        return new GradientNorms(model.iterationCount(), byDistance);
    }
}
