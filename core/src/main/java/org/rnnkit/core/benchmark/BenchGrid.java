package org.rnnkit.core.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark runs: tasks × their lengths × cells × seeds, with one {@link BenchSettings}, and whether the
 * clipping experiment follows. Bidirectional cells are left out of tasks that forbid them.
 *
 * @param label     names the grid in the report ({@code quick}, {@code full}, or what a caller chose)
 * @param tasks     the tasks
 * @param cells     the cell variants
 * @param lengths   lengths per task name; a task not in the map runs its {@link BenchTask#defaultLengths()}
 * @param seeds     seeds 0 … seeds-1 for every (task, length, cell)
 * @param settings  sizing and training of every run
 * @param clipping  the clipping experiment, or null for none
 */
public record BenchGrid(String label, List<BenchTask> tasks, List<CellVariant> cells, Map<String, List<Integer>> lengths,
                        int seeds, BenchSettings settings, ClippingExperiment clipping) {

    public BenchGrid {
        if (tasks == null || tasks.isEmpty() || cells == null || cells.isEmpty() || seeds < 1 || settings == null) {
            throw new IllegalArgumentException("a grid needs at least one task, one cell, one seed and settings");
        }
        tasks = List.copyOf(tasks);
        cells = List.copyOf(cells);
        lengths = Map.copyOf(lengths == null ? Map.of() : lengths);
    }

    /** One planned run: the task and cell objects behind a {@link RunKey}. */
    public record Planned(BenchTask task, CellVariant cell, RunKey key) {
    }

    /** The lengths {@code task} runs at. */
    public List<Integer> lengthsOf(BenchTask task) {
        return lengths.getOrDefault(task.name(), task.defaultLengths());
    }

    /** Every run, shortest lengths first and all cells of a seed together, so a partial grid compares cells. */
    public List<Planned> plan() {
        List<Planned> out = new ArrayList<>();
        for (BenchTask task : tasks) {
            for (int length : lengthsOf(task)) {
                for (int seed = 0; seed < seeds; seed++) {
                    for (CellVariant cell : cells) {
                        if (!cell.bidirectional() || task.allowsBidirectional()) {
                            out.add(new Planned(task, cell, new RunKey(task.name(), cell.name(), length, seed)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The grid in words, for results and the report. */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("grid", label);
        List<String> t = new ArrayList<>();
        for (BenchTask task : tasks) {
            t.add(task.name() + " " + lengthsOf(task));
        }
        d.put("tasks", String.join(", ", t));
        d.put("cells", String.join(", ", cells.stream().map(CellVariant::name).toList()));
        d.put("seeds", String.valueOf(seeds));
        d.put("runs", String.valueOf(plan().size()));
        return d;
    }
}
