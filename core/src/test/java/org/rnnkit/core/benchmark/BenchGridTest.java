package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
