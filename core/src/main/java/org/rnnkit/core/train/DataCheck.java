package org.rnnkit.core.train;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.SpecException;

/**
 * Compares what an iterator says it holds with what a model reads and predicts, before the first batch, so a
 * mismatch names both sides instead of surfacing as an ND4J shape error deep inside the first update.
 */
final class DataCheck {
    private DataCheck() {
    }

    /** Fails with a {@link SpecException} naming the data's and the model's sizes where they are known to differ. */
    static void require(ModelSpec spec, DataSetIterator data, String role) {
        // Token models read one index per step; only dense inputs have a feature count to compare.
        int features = known(data::inputColumns);
        if (spec.input().kind() == InputSpec.Kind.FEATURES && features > 0 && features != spec.input().size()) {
            throw new SpecException(role + " has " + features + " features per step (inputColumns() of "
                    + name(data) + "), but the model reads features(" + spec.input().size() + ")");
        }
        int outcomes = known(data::totalOutcomes);
        int units = spec.output().units();
        if (outcomes > 0 && outcomes != units) {
            throw new SpecException(role + " has " + outcomes + " label columns (totalOutcomes() of " + name(data)
                    + "), but the model's output is " + head(spec) + "(" + units + "): declare " + head(spec) + "("
                    + outcomes + ") or check the labels");
        }
    }

    /** The value, or 0 where the iterator does not know it (DL4J's list iterators fail on 3-D arrays). */
    private static int known(java.util.function.IntSupplier value) {
        try {
            return value.getAsInt();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The builder's name of the output head. */
    private static String head(ModelSpec spec) {
        return switch (spec.output().kind()) {
            case SOFTMAX -> "softmax";
            case SIGMOID -> "sigmoid";
            case LINEAR -> "regression";
        };
    }

    private static String name(DataSetIterator data) {
        return data.getClass().getSimpleName();
    }
}
