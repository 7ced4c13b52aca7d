package org.rnnkit.core.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnkit.core.io.AtomicFiles;

/**
 * Writes a grid's published form into a folder: {@code results.json} (everything measured), the charts
 * ({@link BenchCharts}) and {@code report.md} — what ran and where, a table per task (parameters, score ± spread
 * over seeds, runs solved, iterations to solve, training and inference speed, peak memory), the gradient-norm
 * probe, the clipping experiment, and the GRU-against-LSTM {@link SeedTable}. Every file is written atomically.
 */
public final class BenchReport {

    private BenchReport() {
    }

    /** Writes results, charts and report into {@code dir} (created if missing); returns the report's path. */
    public static Path write(BenchResults results, Path dir) throws IOException {
        Files.createDirectories(dir);
        results.write(dir.resolve("results.json"));
        List<CellStats> rows = CellStats.of(results);
        List<String> scoreCharts = BenchCharts.scores(rows, dir);
        List<String> gradientCharts = BenchCharts.gradients(results, dir);
        List<String> clippingCharts = BenchCharts.clipping(results, dir);
        Path report = dir.resolve("report.md");
        AtomicFiles.writeString(report, markdown(results, rows, scoreCharts, gradientCharts, clippingCharts));
        return report;
    }

    /** The report's text. */
    public static String markdown(BenchResults results, List<CellStats> rows, List<String> scoreCharts,
                                  List<String> gradientCharts, List<String> clippingCharts) {
        StringBuilder md = new StringBuilder();
        String label = results.meta().getOrDefault("grid", "custom");
        md.append("# rnnkit benchmark: the ").append(label).append(" grid\n\n");
        if (!"full".equals(label)) {
            md.append("> **This is the ").append(label).append(" grid, not the full grid**: only the tasks, lengths, "
                    + "cells and seeds listed below ran. Read it as what it is.\n\n");
        }
        for (Map.Entry<String, String> e : results.meta().entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        BenchSettings s = results.settings();
        md.append(String.format("- settings: %s %,d%s, batch %d, Adam %s, clip norm %s, at most %,d iterations "
                        + "(scored on held-out data every %d; a task's own cap, where the tasks line gives one, "
                        + "instead) or %.0f CPU seconds of training per run%n%n",
                s.budget() == BenchSettings.Budget.PARAMS ? "parameter budget" : "hidden size", s.size(),
                s.budget() == BenchSettings.Budget.PARAMS ? " per model (beyond a token task's embedding, the same "
                        + "for every cell)" : " units", s.batchSize(),
                s.learningRate(), s.clipNorm() > 0 ? String.valueOf(s.clipNorm()) : "none", s.maxIterations(),
                s.blockIterations(), s.maxSecondsPerRun()));
        md.append("Scores are on held-out data the model never trained on; ± is the standard deviation over seeds. "
                + "Times are wall-clock on the machine above (the time limit counts CPU time, so that other "
                + "processes do not cut runs shorter); memory is the process's peak during the run (heap "
                + "pools; native = resident − committed heap), so it includes the JVM's and ND4J's own share.\n\n");
        if (results.runs().stream().anyMatch(r -> r.key().cell().contains("-chrono"))) {
            md.append("A `-chrono` cell is the same cell, budget and training with chrono initialisation (Tallec & "
                    + "Ollivier 2018): the gate biases that keep the state start at log U(1, T_max − 1), T_max the "
                    + "task's horizon (adding: T; copy: T + 20); nothing else differs.\n\n");
        }
        tasks(md, rows, scoreCharts);
        gradients(md, results, gradientCharts);
        clipping(md, results, clippingCharts);
        seedTable(md, results);
        return md.toString();
    }

    private static void tasks(StringBuilder md, List<CellStats> rows, List<String> charts) {
        Map<String, List<CellStats>> byTask = new LinkedHashMap<>();
        rows.forEach(r -> byTask.computeIfAbsent(r.task(), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<CellStats>> e : byTask.entrySet()) {
            CellStats first = e.getValue().get(0);
            md.append("## ").append(e.getKey()).append("\n\n");
            md.append("| T | cell | hidden | parameters | ").append(first.metric()).append(" | trivial | solved | "
                    + "iterations to solve | ms/iteration | inference seq/s | heap MiB | native MiB | stopped |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (CellStats r : e.getValue()) {
                md.append(String.format("| %d | %s | %d | %,d | %s | %.4f | %d/%d | %s | %s | %s | %s | %s | %s |%n",
                        r.length(), r.cell(), r.hidden(), r.parameters(), r.score().format("%.4f"), r.baseline(),
                        r.solved(), r.runs(), r.solvedAt().format("%.0f"), r.msPerIteration().format("%.1f"),
                        r.inference().format("%.0f"), r.heapMiB().format("%.0f"), r.offHeapMiB().format("%.0f"),
                        stopped(r.stopped())));
            }
            String chart = "score-" + e.getKey() + ".png";
            if (charts.contains(chart)) {
                md.append("\n![").append(e.getKey()).append(" score against length](").append(chart).append(")\n");
            }
            md.append('\n');
        }
    }

    private static String stopped(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + (v > 1 ? " ×" + v : "")));
        return String.join(", ", parts);
    }

    private static void gradients(StringBuilder md, BenchResults results, List<String> charts) {
        List<String> tasks = results.runs().stream().map(r -> r.key().task()).distinct().toList();
        List<RunResult> probed = results.runs().stream().filter(r -> r.gradientsAtInit() != null)
                .sorted(Comparator.comparingInt((RunResult r) -> tasks.indexOf(r.key().task()))
                        .thenComparingInt(r -> r.key().length()))
                .toList();
        if (probed.isEmpty()) {
            return;
        }
        md.append("## Gradient norm against distance from the output\n\n");
        md.append("Mean over 250 held-out sequences of ‖∂ℓ/∂x_t‖, the norm of a sequence's loss gradient at input "
                + "step t, against its distance d = T − 1 − t from the output (seed 0). The vanishing-gradient claim "
                + "is that it falls geometrically with d for the tanh RNN.\n\n");
        md.append("| task | T | cell | d = 0 at init | d = T−1 at init | far/near at init | d = 0 trained | "
                + "d = T−1 trained | far/near trained |\n|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : probed) {
            double[] a = r.gradientsAtInit().byDistance();
            GradientNorms t = r.gradientsTrained();
            md.append(String.format("| %s | %d | %s | %.3g | %.3g | %.3g | %s | %s | %s |%n", r.key().task(),
                    r.key().length(), r.key().cell(), a[0], a[a.length - 1], r.gradientsAtInit().farToNear(),
                    t == null ? "–" : String.format("%.3g", t.byDistance()[0]),
                    t == null ? "–" : String.format("%.3g", t.byDistance()[t.byDistance().length - 1]),
                    t == null ? "–" : String.format("%.3g", t.farToNear())));
        }
        md.append('\n');
        charts.forEach(c -> md.append("![").append(c).append("](").append(c).append(")\n\n"));
    }

    private static void clipping(StringBuilder md, BenchResults results, List<String> charts) {
        if (results.clipping().isEmpty()) {
            return;
        }
        ClippingResult c = results.clipping().get(0);
        md.append("## Exploding gradients and clipping\n\n");
        md.append(String.format("%s T=%d, %s with %d units, %s: the same initialisation and batches, trained "
                + "without and with gradient-norm clipping at %s.%n%n", c.task(), c.length(), c.cell(), c.hidden(),
                c.optimizer(), c.clipNorm()));
        md.append("| run | iterations | diverged at | largest loss | mean loss, last 50 iterations |\n"
                + "|---|---|---|---|---|\n");
        for (LossCurve curve : c.curves()) {
            double[] l = curve.losses();
            double max = Arrays.stream(l).max().orElse(Double.NaN);
            double tail = Arrays.stream(l, Math.max(0, l.length - 50), l.length).average().orElse(Double.NaN);
            md.append(String.format("| %s | %d | %s | %.3g | %s |%n", curve.label(), l.length,
                    curve.divergedAt() > 0 ? "iteration " + curve.divergedAt() + " (NaN/∞ loss)" : "never", max,
                    curve.divergedAt() > 0 ? "–" : String.format("%.4f", tail)));
        }
        md.append('\n');
        charts.forEach(ch -> md.append("![clipping](").append(ch).append(")\n\n"));
    }

    private static void seedTable(StringBuilder md, BenchResults results) {
        md.append("## GRU against LSTM: the claims, measured\n\n");
        md.append("Pairs are the same task, length and seed for both cells (`gru` = reset gate after the recurrent "
                + "product). A claim holds when its side wins in at least 3 pairs of 4 and the mean ratio differs "
                + "from 1 by more than 5%.\n\n");
        md.append("| claim | GRU | LSTM | evidence | verdict |\n|---|---|---|---|---|\n");
        for (SeedTable.Row row : SeedTable.rows(results, "gru", "lstm")) {
            md.append("| ").append(row.claim()).append(" | ").append(row.gru()).append(" | ").append(row.lstm())
                    .append(" | ").append(row.evidence()).append(" | ").append(row.verdict()).append(" |\n");
        }
        md.append('\n');
    }
}
