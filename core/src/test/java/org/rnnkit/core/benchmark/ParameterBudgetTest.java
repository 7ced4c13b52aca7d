package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;

/** Parameter counts without allocation, and hidden sizes solved for a budget. */
class ParameterBudgetTest {
    private static final TaskSignature ADDING = new TaskSignature(InputSpec.features(2), true,
            TaskSignature.Head.REGRESSION, 1);
    private static final List<String> CELLS = List.of("simple-rnn", "lstm", "gru", "gru-reset-before", "bi-gru",
            "lstm-x2", "feed-forward");

    @Test
    void countsMatchTheBuiltNetworks() {
        for (String name : CELLS) {
            CellVariant cell = CellVariants.parse(name);
            SequenceModel model = SequenceModel.create(cell.spec(ADDING, 7, Optimizer.adam(1e-3), 1));
            assertEquals(model.network().numParams(), ParameterBudget.parameters(cell, ADDING, 7), name);
        }
    }

    @Test
    void handCountedLayers() {
        // LSTM: 4 gates × (input weights + recurrent weights + bias); output: H weights + 1 bias.
        assertEquals(4 * (2 * 10 + 10 * 10 + 10) + 11, ParameterBudget.parameters(CellVariants.lstm(), ADDING, 10));
        // tanh RNN: one gate.
        assertEquals(2 * 10 + 10 * 10 + 10 + 11, ParameterBudget.parameters(CellVariants.simpleRnn(), ADDING, 10));
        // Feed-forward: 2→10, 10→10, 10→1.
        assertEquals(2 * 10 + 10 + 10 * 10 + 10 + 11, ParameterBudget.parameters(CellVariants.feedForward(), ADDING, 10));
    }

    @Test
    void hiddenSizeIsTheClosestToTheBudget() {
        for (String name : CELLS) {
            CellVariant cell = CellVariants.parse(name);
            int h = ParameterBudget.hiddenFor(cell, ADDING, 3000);
            long off = Math.abs(ParameterBudget.parameters(cell, ADDING, h) - 3000);
            assertTrue(off <= Math.abs(ParameterBudget.parameters(cell, ADDING, h + 1) - 3000), name);
            assertTrue(h == 1 || off <= Math.abs(ParameterBudget.parameters(cell, ADDING, h - 1) - 3000), name);
        }
        // The cell with more gates gets fewer units for the same budget.
        assertTrue(ParameterBudget.hiddenFor(CellVariants.gru(), ADDING, 3000)
                > ParameterBudget.hiddenFor(CellVariants.lstm(), ADDING, 3000));
        assertThrows(IllegalArgumentException.class, () -> ParameterBudget.hiddenFor(CellVariants.gru(), ADDING, 0));
    }

    @Test
    void namesRoundTrip() {
        for (String name : List.of("simple-rnn", "lstm", "gru", "gru-reset-before", "bi-lstm", "bi-gru-x3", "lstm-x2",
                "feed-forward")) {
            assertEquals(name, CellVariants.parse(name).name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellVariants.parse("tcn"));
        assertTrue(e.getMessage().contains("unknown cell 'tcn'"), e.getMessage());
    }
}
