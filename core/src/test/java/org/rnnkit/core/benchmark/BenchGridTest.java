package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnkit.core.spec.RecurrentSpec;

/** A task's own cells and iteration cap in a grid's plan. */
class BenchGridTest {

    @Test
    void aTaskRunsItsOwnCellsAndCap() {
        BenchSettings settings = new BenchSettings(BenchSettings.Budget.PARAMS, 150, 8, 1e-2, 1.0, 3000, 100, 60);
        BenchGrid grid = new BenchGrid("t", List.of(new AddingBench(16), ControlChartBench.generated()),
                CellVariants.parseAll(List.of("gru", "lstm")), Map.of("adding", List.of(5, 8)), 2, settings, null,
                Map.of("control", new BenchGrid.TaskOptions(CellVariants.parseAll(List.of("bi-gru", "gru-x3")), 40)));
        List<BenchGrid.Planned> plan = grid.plan();
        assertEquals(2 * 2 * 2 + 2 * 2, plan.size());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1),
                plan.stream().map(p -> p.key().seed()).toList(), "every task's seed 0 before any seed 1");
        List<BenchGrid.Planned> control = plan.stream().filter(p -> p.key().task().equals("control")).toList();
        assertEquals(List.of("bi-gru", "gru-x3", "bi-gru", "gru-x3"), control.stream().map(p -> p.key().cell()).toList());
        control.forEach(p -> assertEquals(40, p.settings().maxIterations()));
        control.forEach(p -> assertEquals(40, p.settings().blockIterations()));
        plan.stream().filter(p -> p.key().task().equals("adding"))
                .forEach(p -> assertEquals(settings, p.settings()));
        assertEquals("adding: gru, lstm; control: bi-gru, gru-x3", grid.describe().get("cells"));
        assertEquals("adding [5, 8], control [60] (up to 40 iterations)", grid.describe().get("tasks"));
    }

    @Test
    void chronoVariantsAreNamedParsedAndTakeTheTasksHorizon() throws Exception {
        for (String name : List.of("lstm-chrono", "gru-chrono", "gru-reset-before-chrono", "bi-lstm-chrono-x2")) {
            CellVariant v = CellVariants.parse(name);
            assertEquals(name, v.name());
            assertTrue(v.needsHorizon(), name);
        }
        assertFalse(CellVariants.parse("lstm").needsHorizon());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellVariants.parse("simple-rnn-chrono"));
        assertTrue(e.getMessage().contains("gate biases"), e.getMessage());

        BenchSettings settings = BenchGrids.fullSettings();
        assertEquals(400.0, chronoOf(CellVariants.parse("lstm-chrono"), new AddingBench(16), 400, settings));
        assertEquals(70.0, chronoOf(CellVariants.parse("gru-chrono"), new CopyMemoryBench(8), 50, settings));
        assertEquals(0.0, chronoOf(CellVariants.parse("lstm"), new AddingBench(16), 400, settings));
    }

    private static double chronoOf(CellVariant cell, BenchTask task, int length, BenchSettings s) throws Exception {
        TaskSignature sig = task.prepare(length, 0).signature();
        assertEquals(task.horizon(length), sig.horizon());
        RecurrentSpec rnn = (RecurrentSpec) cell.spec(sig, 8, s.optimizer(), 0).layers().get(0);
        return rnn.chronoTMax();
    }

    @Test
    void aTaskWithoutAHorizonDoesNotOfferChronoCells() {
        BenchGrid grid = new BenchGrid("t", List.of(new AddingBench(16), ControlChartBench.generated()),
                CellVariants.parseAll(List.of("gru", "lstm-chrono")), Map.of("adding", List.of(5)), 1,
                BenchGrids.fullSettings(), null);
        assertEquals(List.of("adding/gru", "adding/lstm-chrono", "control/gru"),
                grid.plan().stream().map(p -> p.key().task() + "/" + p.key().cell()).toList());
    }

    @Test
    void theFullGridAddsChronoCellsOnTheLongDependencyTasksOnly() {
        List<BenchGrid.Planned> plan = BenchGrids.full(null).plan();
        List<BenchGrid.Planned> chrono = plan.stream().filter(p -> p.cell().needsHorizon()).toList();
        // adding T = 100, 200, 400 and copy T = 20, 50, 100; gru-chrono and lstm-chrono; two seeds.
        assertEquals(2 * 3 * 2 * 2, chrono.size());
        assertTrue(chrono.stream().allMatch(p -> p.key().task().equals("adding") || p.key().task().equals("copy")));
        assertEquals(1000, chrono.stream().filter(p -> p.key().task().equals("copy")).findFirst().orElseThrow()
                .settings().maxIterations(), "the same cap as the task's other cells");
    }
}
