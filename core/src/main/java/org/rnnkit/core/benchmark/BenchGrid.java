package org.rnnkit.core.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark runs: tasks × their lengths × cells × seeds, with one {@link BenchSettings}, and whether the
 * clipping experiment follows. Bidirectional cells are left out of tasks that forbid them, cells that need a
 * horizon ({@link CellVariant#needsHorizon()}) out of tasks that state none. A task may have its own
 * cells and iteration cap ({@link TaskOptions}), so that a grid spends its time where a comparison says something:
 * every variant on the cheap tasks, the main cells on the expensive ones, and no more iterations than a task needs.
 *
 * @param label     names the grid in the report ({@code quick}, {@code full}, or what a caller chose)
 * @param tasks     the tasks
 * @param cells     the cell variants of every task without its own
 * @param lengths   lengths per task name; a task not in the map runs its {@link BenchTask#defaultLengths()}
 * @param seeds     seeds 0 … seeds-1 for every (task, length, cell)
 * @param settings  sizing and training of every run
 * @param clipping  the clipping experiment, or null for none
 * @param options   per task name, its own cells or iteration cap
 */
public record BenchGrid(String label, List<BenchTask> tasks, List<CellVariant> cells, Map<String, List<Integer>> lengths,
                        int seeds, BenchSettings settings, ClippingExperiment clipping,
                        Map<String, TaskOptions> options) {

    /**
     * What one task does differently from the rest of its grid.
     *
     * @param cells          its cells, or null for the grid's
     * @param maxIterations  its iteration cap, or 0 for the settings'
     */
    public record TaskOptions(List<CellVariant> cells, int maxIterations) {
        public TaskOptions {
            if ((cells != null && cells.isEmpty()) || maxIterations < 0) {
                throw new IllegalArgumentException("task options need cells (or null) and a cap >= 0 (0: the grid's)");
            }
            cells = cells == null ? null : List.copyOf(cells);
        }
    }

    public BenchGrid {
        if (tasks == null || tasks.isEmpty() || cells == null || cells.isEmpty() || seeds < 1 || settings == null) {
            throw new IllegalArgumentException("a grid needs at least one task, one cell, one seed and settings");
        }
        tasks = List.copyOf(tasks);
        cells = List.copyOf(cells);
        lengths = Map.copyOf(lengths == null ? Map.of() : lengths);
        options = Map.copyOf(options == null ? Map.of() : options);
    }

    /** The same cells and iteration cap for every task. */
    public BenchGrid(String label, List<BenchTask> tasks, List<CellVariant> cells, Map<String, List<Integer>> lengths,
                     int seeds, BenchSettings settings, ClippingExperiment clipping) {
        this(label, tasks, cells, lengths, seeds, settings, clipping, Map.of());
    }

    /** One planned run: the task and cell objects behind a {@link RunKey}, and the settings it trains with. */
    public record Planned(BenchTask task, CellVariant cell, RunKey key, BenchSettings settings) {
    }

    /** The lengths {@code task} runs at. */
    public List<Integer> lengthsOf(BenchTask task) {
        return lengths.getOrDefault(task.name(), task.defaultLengths());
    }

    /** The cells {@code task} runs (bidirectional ones are still left out where the task forbids them). */
    public List<CellVariant> cellsOf(BenchTask task) {
        TaskOptions own = options.get(task.name());
        return own != null && own.cells() != null ? own.cells() : cells;
    }

    /** The settings {@code task}'s runs train with: the grid's, with the task's own iteration cap if it has one. */
    public BenchSettings settingsOf(BenchTask task) {
        TaskOptions own = options.get(task.name());
        if (own == null || own.maxIterations() == 0) {
            return settings;
        }
        return settings.withIterations(own.maxIterations(), Math.min(settings.blockIterations(), own.maxIterations()));
    }

    /**
     * Every run: seed 0 of every task, length and cell first, then seed 1, and so on; within a seed, task by task,
     * shortest lengths first, all cells of a length together. A grid cut off midway still compares every cell on
     * every task, with fewer seeds.
     */
    public List<Planned> plan() {
        List<Planned> out = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            for (BenchTask task : tasks) {
                BenchSettings s = settingsOf(task);
                for (int length : lengthsOf(task)) {
                    for (CellVariant cell : cellsOf(task)) {
                        if ((!cell.bidirectional() || task.allowsBidirectional())
                                && (!cell.needsHorizon() || task.horizon(length) > 0)) {
                            out.add(new Planned(task, cell, new RunKey(task.name(), cell.name(), length, seed), s));
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
        List<String> c = new ArrayList<>();
        boolean ownCells = false;
        for (BenchTask task : tasks) {
            TaskOptions own = options.get(task.name());
            t.add(task.name() + " " + lengthsOf(task) + (own != null && own.maxIterations() > 0
                    ? " (up to " + own.maxIterations() + " iterations)" : ""));
            c.add(task.name() + ": " + names(cellsOf(task)));
            ownCells |= own != null && own.cells() != null;
        }
        d.put("tasks", String.join(", ", t));
        d.put("cells", ownCells ? String.join("; ", c) : names(cells));
        d.put("seeds", String.valueOf(seeds));
        d.put("runs", String.valueOf(plan().size()));
        return d;
    }

    private static String names(List<CellVariant> list) {
        return String.join(", ", list.stream().map(CellVariant::name).toList());
    }
}
