package org.rnnkit.core.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnnkit.core.spec.Optimizer;

/**
 * The two grids {@code ./rnnkit bench} ships: {@link #quick()} (a few minutes; shows the vanishing-gradient effect
 * on the adding problem) and {@link #full} (every built-in task, length and cell).
 */
public final class BenchGrids {

    private BenchGrids() {
    }

    /**
     * The tasks by name: {@code adding}, {@code copy}, {@code control} (generated), and on the real data sets under
     * {@code sharedData}: {@code control-uci} ({@code synthetic-control/synthetic_control.data}), {@code vowels}
     * ({@code japanese-vowels/}), {@code char-lm} ({@code tinyshakespeare/input.txt}), {@code sentiment}
     * ({@code rt-polarity/}).
     */
    public static BenchTask task(String name, Path sharedData) {
        return switch (name) {
            case "adding" -> new AddingBench();
            case "copy" -> new CopyMemoryBench();
            case "control" -> ControlChartBench.generated();
            case "control-uci" -> ControlChartBench.fromFile(existing(sharedData, "synthetic-control/synthetic_control.data"));
            case "vowels" -> new JapaneseVowelsBench(existing(sharedData, "japanese-vowels"));
            case "char-lm" -> new CharLanguageModelBench(existing(sharedData, "tinyshakespeare/input.txt"));
            case "sentiment" -> new SentimentBench(existing(sharedData, "rt-polarity"));
            default -> throw new IllegalArgumentException("unknown task '" + name + "': expected adding, copy, "
                    + "control, control-uci, vowels, char-lm or sentiment");
        };
    }

    private static Path existing(Path sharedData, String relative) {
        Path p = sharedData.resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(p + " does not exist: give the folder of the real data sets with --data");
        }
        return p;
    }

    /** Settings of the quick grid: 3,000 parameters, Adam 1e-2 clipped at 1, up to 1,000 iterations. */
    public static BenchSettings quickSettings() {
        return BenchSettings.defaults().withBudget(BenchSettings.Budget.PARAMS, 3000).withIterations(1000, 100)
                .withMaxSecondsPerRun(300);
    }

    /**
     * The quick grid: adding T = 50, 100 and copy T = 20; tanh RNN, GRU, LSTM and the feed-forward baseline; one
     * seed; the clipping experiment (tanh RNN, SGD 0.1, adding T = 50, 200 iterations).
     */
    public static BenchGrid quick() {
        return new BenchGrid("quick", List.of(new AddingBench(), new CopyMemoryBench()),
                CellVariants.parseAll(List.of("simple-rnn", "gru", "lstm", "feed-forward")),
                Map.of("adding", List.of(50, 100), "copy", List.of(20)), 1, quickSettings(), clipping(200));
    }

    /**
     * Settings of the full grid: 3,000 parameters (as the quick grid), Adam 1e-2 clipped at 1, batch 50, up to 2,000
     * iterations or 120 CPU seconds of training per run; tasks that need fewer iterations have their own caps.
     */
    public static BenchSettings fullSettings() {
        return BenchSettings.defaults().withBudget(BenchSettings.Budget.PARAMS, 3000).withIterations(2000, 100)
                .withMaxSecondsPerRun(120);
    }

    /**
     * The full grid, two seeds throughout (mean ± spread).
     * Time goes where the claims are tested: the adding problem at T = 100, 200, 400 with the tanh RNN, GRU, LSTM,
     * the feed-forward baseline, and GRU and LSTM with chrono initialisation for T ({@code gru-chrono},
     * {@code lstm-chrono}), up to 2,000 iterations each (T = 50 is the quick grid's); copy memory at T = 20, 50,
     * 100 with the same cells (1,000 iterations; chrono for T + 20); every variant — both GRU forms, bidirectional,
     * two and three layers
     * — on the cheap real and generated classifications (control charts, UCI control charts, Japanese vowels; 600
     * iterations, most solve sooner); the char-level language model at T = 100 (500 iterations, with a two-layer
     * LSTM) and sentiment on rt-polarity (510 iterations, checked after each epoch; with bidirectional cells) when
     * {@code sharedData} holds them.
     */
    public static BenchGrid full(Path sharedData) {
        List<BenchTask> tasks = new ArrayList<>(List.of(new AddingBench(), new CopyMemoryBench(),
                ControlChartBench.generated()));
        for (String[] real : new String[][] {{"control-uci", "synthetic-control/synthetic_control.data"},
                {"vowels", "japanese-vowels/JapaneseVowels_TRAIN.ts"}, {"char-lm", "tinyshakespeare/input.txt"},
                {"sentiment", "rt-polarity/rt-polarity.pos"}}) {
            if (sharedData != null && Files.isRegularFile(sharedData.resolve(real[1]))) {
                tasks.add(task(real[0], sharedData));
            }
        }
        List<CellVariant> main = CellVariants.parseAll(List.of("simple-rnn", "gru", "lstm", "feed-forward"));
        // The long-dependency tasks also run the gated cells with chrono initialisation for the task's horizon.
        List<CellVariant> memory = CellVariants.parseAll(List.of("simple-rnn", "gru", "lstm", "feed-forward",
                "gru-chrono", "lstm-chrono"));
        Map<String, BenchGrid.TaskOptions> options = Map.of(
                "adding", new BenchGrid.TaskOptions(memory, 0),
                "copy", new BenchGrid.TaskOptions(memory, 1000),
                "control", options(600, "simple-rnn", "gru", "gru-reset-before", "lstm", "bi-gru", "bi-lstm", "gru-x2",
                        "lstm-x3", "feed-forward"),
                "control-uci", options(600, "simple-rnn", "gru", "lstm", "bi-gru", "feed-forward"),
                "vowels", options(600, "simple-rnn", "gru", "gru-reset-before", "lstm", "bi-gru", "bi-lstm", "gru-x3",
                        "feed-forward"),
                "char-lm", options(500, "simple-rnn", "gru", "lstm", "lstm-x2", "feed-forward"),
                "sentiment", options(510, "simple-rnn", "gru", "lstm", "bi-gru", "bi-lstm", "feed-forward"));
        return new BenchGrid("full", tasks, main, Map.of("adding", List.of(100, 200, 400), "char-lm", List.of(100)), 2,
                fullSettings(), clipping(300), options);
    }

    private static BenchGrid.TaskOptions options(int maxIterations, String... cells) {
        return new BenchGrid.TaskOptions(CellVariants.parseAll(List.of(cells)), maxIterations);
    }

    /**
     * The clipping experiment of both grids: a tanh RNN of 53 units (3,000 parameters) on adding T=50 at plain SGD
     * 0.1, which blew up within 50 iterations on this project's machine at 0.1, 0.2 and 0.5 without clipping.
     */
    public static ClippingExperiment clipping(int iterations) {
        return new ClippingExperiment(new AddingBench(), 50, CellVariants.simpleRnn(), 53, Optimizer.sgd(0.1), 1.0,
                iterations);
    }
}
