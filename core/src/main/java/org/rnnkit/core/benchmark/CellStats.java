package org.rnnkit.core.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the report: a cell on a task at one length, its runs over seeds summarised.
 *
 * @param task            task name
 * @param length          sequence length
 * @param cell            cell variant name
 * @param runs            runs (seeds) summarised
 * @param hidden          hidden units (the same for every seed)
 * @param parameters      trainable parameters
 * @param metric          the task metric's name
 * @param baseline        the trivial predictor's figure
 * @param score           held-out figure at the end of training
 * @param solved          runs that reached the threshold
 * @param solvedAt        iterations to the threshold, over the runs that reached it
 * @param msPerIteration  training wall time per iteration
 * @param inference       held-out sequences per second
 * @param heapMiB         peak heap, MiB
 * @param offHeapMiB      peak native memory, MiB
 * @param stopped         why each run stopped, counted ({@code solved: 2, iterations: 1})
 */
public record CellStats(String task, int length, String cell, int runs, int hidden, long parameters, String metric,
                        double baseline, Spread score, int solved, Spread solvedAt, Spread msPerIteration,
                        Spread inference, Spread heapMiB, Spread offHeapMiB, Map<String, Integer> stopped) {

    /** Rows of {@code results}, in the order their first run appears (task, length, cell). */
    public static List<CellStats> of(BenchResults results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results.runs()) {
            groups.computeIfAbsent(r.key().task() + "\u0000" + r.key().length() + "\u0000" + r.key().cell(),
                    k -> new ArrayList<>()).add(r);
        }
        List<CellStats> out = new ArrayList<>();
        for (List<RunResult> g : groups.values()) {
            out.add(summarise(g));
        }
        // By task, then length; cells in the order they first ran. A grid extended by --resume adds its runs after
        // the kept ones, and they still belong beside them.
        List<String> tasks = results.runs().stream().map(r -> r.key().task()).distinct().toList();
        out.sort(Comparator.comparingInt((CellStats c) -> tasks.indexOf(c.task())).thenComparingInt(CellStats::length));
        return out;
    }

    private static CellStats summarise(List<RunResult> g) {
        RunResult first = g.get(0);
        Map<String, Integer> stopped = new LinkedHashMap<>();
        g.forEach(r -> stopped.merge(r.stopped(), 1, Integer::sum));
        return new CellStats(first.key().task(), first.key().length(), first.key().cell(), g.size(), first.hidden(),
                first.parameters(), first.metric(), first.baseline(),
                Spread.of(g.stream().mapToDouble(RunResult::score).toArray()),
                (int) g.stream().filter(RunResult::solved).count(),
                Spread.of(g.stream().filter(RunResult::solved).mapToDouble(RunResult::solvedAtIteration).toArray()),
                Spread.of(g.stream().mapToDouble(RunResult::msPerIteration).toArray()),
                Spread.of(g.stream().mapToDouble(RunResult::inferencePerSecond).toArray()),
                Spread.of(g.stream().mapToDouble(r -> r.heapPeakBytes() / 1048576.0).toArray()),
                Spread.of(g.stream().mapToDouble(r -> r.offHeapPeakBytes() / 1048576.0).toArray()), stopped);
    }
}
