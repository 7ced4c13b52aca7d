package org.rnnkit.core.task;

import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.io.ModelBundle;

/**
 * The output side of a {@link Pipeline}: what a row of the network's output means (a class, a tag per step, a value),
 * how predictions are scored against known answers, and what the file must keep for it (labels, target scaling).
 * Separate from the pipeline kinds so that kinds with the same output (every classifier) share one implementation.
 *
 * @param <T> the known answer of one input
 * @param <P> the prediction for one input
 */
interface OutputHead<T, P> {

    /** The prediction for row {@code row} of a batch's output. */
    P decode(BatchOutput batch, int row);

    /** A fresh scorer of predictions against targets. */
    Pipeline.Scorer<T> scorer();

    /** {@code bundle} with what this output side needs attached. */
    ModelBundle attachTo(ModelBundle bundle);
}
