package org.rnnkit.core.benchmark;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.rnnkit.core.builder.NetworkCompiler;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;

/**
 * Sizes models for a fair comparison: counts a declaration's parameters without allocating them, and finds the
 * hidden size at which a {@link CellVariant} comes closest to a parameter budget.
 */
public final class ParameterBudget {
    private static final Optimizer ANY = Optimizer.adam(1e-3);

    private ParameterBudget() {
    }

    /** Trainable parameters of the network {@code spec} compiles to. */
    public static long parameters(ModelSpec spec) {
        MultiLayerConfiguration conf = NetworkCompiler.configuration(spec, DataType.FLOAT);
        long sum = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            sum += layer.getLayer().initializer().numParams(layer);
        }
        return sum;
    }

    /** Parameters of {@code cell} on {@code task} at {@code hidden} units. */
    public static long parameters(CellVariant cell, TaskSignature task, int hidden) {
        return parameters(cell.spec(task, hidden, ANY, 0));
    }

    /**
     * The hidden size (at least 1) whose parameter count is closest to {@code budget}; parameter counts grow with
     * the hidden size, so a bisection finds it.
     */
    public static int hiddenFor(CellVariant cell, TaskSignature task, long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("the parameter budget must be positive, got " + budget);
        }
        int lo = 1;
        int hi = 1;
        while (parameters(cell, task, hi) < budget) {
            lo = hi;
            hi *= 2;
            if (hi > 1 << 16) {
                throw new IllegalArgumentException("no hidden size up to 65536 reaches " + budget + " parameters");
            }
        }
        while (hi - lo > 1) { // invariant: parameters(lo) < budget <= parameters(hi), or lo = hi = 1
            int mid = (lo + hi) >>> 1;
            if (parameters(cell, task, mid) < budget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        long below = Math.abs(budget - parameters(cell, task, lo));
        long above = Math.abs(parameters(cell, task, hi) - budget);
        return below <= above ? lo : hi;
    }
}
