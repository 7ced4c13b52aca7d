package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.InputSpec;

/** A declared seed fixes the initial weights: building the same declaration twice in one process gives equal ones. */
class SeedTest {

    @Test
    void theSameSeedGivesTheSameInitialWeightsForEveryCell() {
        for (Function<SequenceBuilder, SequenceBuilder> cell : java.util.List.<Function<SequenceBuilder, SequenceBuilder>>of(
                b -> b.gru(8), b -> b.lstm(8), b -> b.simpleRnn(8), b -> b.gru(8, o -> o.bidirectional()),
                b -> b.lstm(6).lstm(6))) {
            SequenceModel first = build(cell, 5);
            build(cell, 9); // another network in between must not change what seed 5 draws
            SequenceModel again = build(cell, 5);
            assertEquals(first.network().params(), again.network().params());
            assertNotEquals(first.network().params(), build(cell, 6).network().params());
        }
    }

    private static SequenceModel build(Function<SequenceBuilder, SequenceBuilder> cell, long seed) {
        return cell.apply(Rnn.sequence(InputSpec.features(3))).regression(2).seed(seed).build();
    }
}
