package org.rnnkit.core.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.rnnkit.core.spec.InputSpec;

/**
 * The seed table: the usual claims about GRU against LSTM — fewer parameters, less memory, faster execution and
 * training, LSTM more accurate on long sequences — each checked on the runs of a grid. Figures are compared in
 * pairs (the same task, length and seed for both cells); a claim holds when the claimed side wins in at least
 * three pairs of four and the mean ratio differs from 1 by more than 5%, does not hold when the other side does so,
 * and is called no clear difference otherwise.
 */
public final class SeedTable {
    private static final double TOLERANCE = 0.05;
    private static final double MAJORITY = 0.75;

    /**
     * One row.
     *
     * @param claim     the claim in words
     * @param gru       GRU's figure
     * @param lstm      LSTM's figure
     * @param evidence  how the figures compare
     * @param verdict   holds / does not hold here / no clear difference / not measured
     */
    public record Row(String claim, String gru, String lstm, String evidence, String verdict) {
    }

    private SeedTable() {
    }

    /** The rows for cells {@code gru} and {@code lstm} (their names in the results). */
    public static List<Row> rows(BenchResults results, String gru, String lstm) {
        List<RunResult[]> pairs = pairs(results, gru, lstm);
        List<Row> rows = new ArrayList<>();
        rows.add(parameters(pairs));
        rows.add(ratioRow("GRU uses less memory (peak heap)", pairs, r -> r.heapPeakBytes() / 1048576.0, "%.0f MiB", true));
        rows.add(ratioRow("GRU uses less memory (peak native: resident − heap)", pairs,
                r -> r.offHeapPeakBytes() / 1048576.0, "%.0f MiB", true));
        rows.add(ratioRow("GRU executes faster (inference, sequences/s)", pairs, RunResult::inferencePerSecond,
                "%.0f/s", false));
        rows.add(ratioRow("GRU trains faster (wall time per iteration)", pairs, RunResult::msPerIteration,
                "%.1f ms", true));
        rows.add(timeToSolve(pairs));
        rows.add(longSequences(results, pairs));
        return rows;
    }

    static List<RunResult[]> pairs(BenchResults results, String gru, String lstm) {
        List<RunResult[]> out = new ArrayList<>();
        for (RunResult g : results.runs()) {
            if (g.key().cell().equals(gru)) {
                RunKey other = new RunKey(g.key().task(), lstm, g.key().length(), g.key().seed());
                results.find(other).ifPresent(l -> out.add(new RunResult[] {g, l}));
            }
        }
        return out;
    }

    private static Row parameters(List<RunResult[]> pairs) {
        // Structural: the same layer (128 units over 16 inputs) declared through the builders.
        TaskSignature reference = new TaskSignature(InputSpec.features(16), true, TaskSignature.Head.REGRESSION, 1);
        long g = ParameterBudget.parameters(CellVariants.gru(), reference, 128);
        long l = ParameterBudget.parameters(CellVariants.lstm(), reference, 128);
        String budget = pairs.isEmpty() ? "" : String.format("; at this grid's equal budget GRU gets %d units "
                + "against LSTM's %d", pairs.get(0)[0].hidden(), pairs.get(0)[1].hidden());
        return new Row("GRU has fewer training parameters", String.format("%,d", g), String.format("%,d", l),
                String.format("one layer of 128 units over 16 inputs: %.2f× LSTM's%s", (double) g / l, budget),
                g < l * (1 - TOLERANCE) ? "holds" : "does not hold here");
    }

    private static Row ratioRow(String claim, List<RunResult[]> pairs, ToDoubleFunction<RunResult> figure,
                                String unit, boolean gruLower) {
        if (pairs.isEmpty()) {
            return new Row(claim, "–", "–", "no GRU/LSTM pair ran", "not measured");
        }
        double[] ratios = pairs.stream().mapToDouble(p -> figure.applyAsDouble(p[0]) / figure.applyAsDouble(p[1]))
                .filter(Double::isFinite).toArray();
        Spread g = Spread.of(pairs.stream().mapToDouble(p -> figure.applyAsDouble(p[0])).toArray());
        Spread l = Spread.of(pairs.stream().mapToDouble(p -> figure.applyAsDouble(p[1])).toArray());
        return new Row(claim, g.format(unit), l.format(unit), evidence(ratios, gruLower), verdict(ratios, gruLower));
    }

    /**
     * The GRU/LSTM ratios and in how many pairs GRU is on the side the claim favours: lower where lower is better
     * (memory, time), higher where higher is better (throughput).
     */
    static String evidence(double[] ratios, boolean gruLower) {
        if (ratios.length == 0) {
            return "no pair with both figures";
        }
        Spread r = Spread.of(ratios);
        long favoured = Arrays.stream(ratios).filter(x -> gruLower ? x < 1 : x > 1).count();
        return String.format("GRU/LSTM %s over %d pairs; GRU %s in %d", r.format("%.2f"), ratios.length,
                gruLower ? "lower" : "higher", favoured);
    }

    static String verdict(double[] ratios, boolean gruLower) {
        if (ratios.length == 0) {
            return "not measured";
        }
        double mean = Spread.of(ratios).mean();
        double lowerShare = Arrays.stream(ratios).filter(x -> x < 1).count() / (double) ratios.length;
        double higherShare = Arrays.stream(ratios).filter(x -> x > 1).count() / (double) ratios.length;
        boolean gruBelow = mean < 1 - TOLERANCE && lowerShare >= MAJORITY;
        boolean gruAbove = mean > 1 + TOLERANCE && higherShare >= MAJORITY;
        if (gruBelow) {
            return gruLower ? "holds" : "does not hold here";
        }
        if (gruAbove) {
            return gruLower ? "does not hold here" : "holds";
        }
        return "no clear difference";
    }

    private static Row timeToSolve(List<RunResult[]> pairs) {
        String claim = "GRU trains faster (wall time to solve)";
        List<RunResult[]> both = pairs.stream().filter(p -> p[0].solved() && p[1].solved()).toList();
        long gruOnly = pairs.stream().filter(p -> p[0].solved() && !p[1].solved()).count();
        long lstmOnly = pairs.stream().filter(p -> !p[0].solved() && p[1].solved()).count();
        if (both.isEmpty() && gruOnly == 0 && lstmOnly == 0) {
            return new Row(claim, "–", "–", "no pair where either solved", "not measured");
        }
        ToDoubleFunction<RunResult> seconds = r -> r.solvedAtIteration() * r.msPerIteration() / 1000;
        double[] ratios = both.stream().mapToDouble(p -> seconds.applyAsDouble(p[0]) / seconds.applyAsDouble(p[1]))
                .toArray();
        String g = Spread.of(both.stream().mapToDouble(p -> seconds.applyAsDouble(p[0])).toArray()).format("%.1f s");
        String l = Spread.of(both.stream().mapToDouble(p -> seconds.applyAsDouble(p[1])).toArray()).format("%.1f s");
        String evidence = evidence(ratios, true) + String.format("; solved by GRU only: %d, by LSTM only: %d", gruOnly,
                lstmOnly);
        String verdict;
        if (gruOnly > lstmOnly) {
            verdict = "holds";
        } else if (lstmOnly > gruOnly) {
            verdict = "does not hold here";
        } else {
            verdict = verdict(ratios, true);
        }
        return new Row(claim, g, l, evidence, verdict);
    }

    private static Row longSequences(BenchResults results, List<RunResult[]> pairs) {
        String claim = "LSTM is more accurate on long sequences";
        Map<String, Integer> longest = pairs.stream().collect(Collectors.toMap(p -> p[0].key().task(),
                p -> p[0].key().length(), Math::max));
        List<RunResult[]> atLongest = pairs.stream()
                .filter(p -> p[0].key().length() == longest.get(p[0].key().task())).toList();
        if (atLongest.isEmpty()) {
            return new Row(claim, "–", "–", "no GRU/LSTM pair ran", "not measured");
        }
        int lstmBetter = 0;
        int gruBetter = 0;
        List<String> figures = new ArrayList<>();
        for (RunResult[] p : atLongest) {
            Metric m = new Metric(p[0].metric(), !p[0].metric().equals("accuracy"), p[0].baseline(), Double.NaN);
            boolean bothSolved = p[0].solved() && p[1].solved();
            if (!bothSolved && p[1].solved() != p[0].solved()) {
                if (p[1].solved()) {
                    lstmBetter++;
                } else {
                    gruBetter++;
                }
            } else if (!bothSolved && m.better(p[1].score(), p[0].score())) {
                lstmBetter++;
            } else if (!bothSolved && m.better(p[0].score(), p[1].score())) {
                gruBetter++;
            }
            figures.add(String.format("%s T=%d seed %d: GRU %.4f, LSTM %.4f %s", p[0].key().task(), p[0].key().length(),
                    p[0].key().seed(), p[0].score(), p[1].score(), p[0].metric()));
        }
        String verdict;
        int n = atLongest.size();
        if (lstmBetter >= MAJORITY * n && lstmBetter > 0) {
            verdict = "holds";
        } else if (gruBetter >= MAJORITY * n && gruBetter > 0) {
            verdict = "does not hold here";
        } else {
            verdict = "no clear difference";
        }
        Optional<String> solvedNote = atLongest.stream().allMatch(p -> p[0].solved() && p[1].solved())
                ? Optional.of("both solved every pair; ") : Optional.empty();
        return new Row(claim, gruBetter + " of " + n + " better", lstmBetter + " of " + n + " better",
                solvedNote.orElse("") + "longest length per task: " + String.join("; ", figures), verdict);
    }
}
