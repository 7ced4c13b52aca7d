package org.rnnkit.core.benchmark;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.rnnkit.core.builder.NetworkCompiler;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;

/**
 * Sizes models for a fair comparison: counts a declaration's parameters without allocating them, and finds the
 * hidden size at which a {@link CellVariant} comes closest to a parameter budget. The budget counts what follows a
 * token embedding: the embedding is the same for every cell of a task ({@link TaskSignature#embedding()}), and a
 * vocabulary's embedding alone would outgrow any budget that fits recurrent cells on a small machine.
 */
public final class ParameterBudget {
    private static final Optimizer ANY = Optimizer.adam(1e-3);

    private ParameterBudget() {
    }

    /** Trainable parameters of the network {@code spec} compiles to. */
    public static long parameters(ModelSpec spec) {
        return count(spec, true);
    }

    /** Parameters of {@code cell} on {@code task} at {@code hidden} units. */
    public static long parameters(CellVariant cell, TaskSignature task, int hidden) {
        return parameters(cell.spec(task, hidden, ANY, 0));
    }

    /** Parameters of {@code cell} on {@code task} at {@code hidden} units, less the task's embedding: the budgeted part. */
    public static long budgeted(CellVariant cell, TaskSignature task, int hidden) {
        return count(cell.spec(task, hidden, ANY, 0), false);
    }

    private static long count(ModelSpec spec, boolean withEmbedding) {
        MultiLayerConfiguration conf = NetworkCompiler.configuration(spec, DataType.FLOAT);
        long sum = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            if (withEmbedding || !(layer.getLayer() instanceof EmbeddingSequenceLayer)) {
                sum += layer.getLayer().initializer().numParams(layer);
            }
        }
        return sum;
    }

    /**
     * The hidden size (at least 1) whose {@linkplain #budgeted budgeted} parameter count is closest to
     * {@code budget}; parameter counts grow with
     * the hidden size, so a bisection finds it.
     */
    public static int hiddenFor(CellVariant cell, TaskSignature task, long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("the parameter budget must be positive, got " + budget);
        }
        int lo = 1;
        int hi = 1;
        while (budgeted(cell, task, hi) < budget) {
            lo = hi;
            hi *= 2;
            if (hi > 1 << 16) {
                throw new IllegalArgumentException("no hidden size up to 65536 reaches " + budget + " parameters");
            }
        }
        while (hi - lo > 1) { // invariant: parameters(lo) < budget <= parameters(hi), or lo = hi = 1
            int mid = (lo + hi) >>> 1;
            if (budgeted(cell, task, mid) < budget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        long below = Math.abs(budget - budgeted(cell, task, lo));
        long above = Math.abs(budgeted(cell, task, hi) - budget);
        return below <= above ? lo : hi;
    }
}
