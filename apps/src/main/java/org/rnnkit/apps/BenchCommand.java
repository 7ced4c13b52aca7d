package org.rnnkit.apps;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rnnkit.core.Environment;
import org.rnnkit.core.benchmark.BenchGrid;
import org.rnnkit.core.benchmark.BenchGrids;
import org.rnnkit.core.benchmark.BenchListener;
import org.rnnkit.core.benchmark.BenchReport;
import org.rnnkit.core.benchmark.BenchResults;
import org.rnnkit.core.benchmark.BenchRunner;
import org.rnnkit.core.benchmark.BenchSettings;
import org.rnnkit.core.benchmark.BenchTask;
import org.rnnkit.core.benchmark.CellVariant;
import org.rnnkit.core.benchmark.CellVariants;
import org.rnnkit.core.benchmark.GridEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rnnkit bench}: runs a grid of tasks × cells × lengths at an equal parameter budget and writes
 * {@code report.md}, {@code results.json} and charts; options select from the quick or full grid.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark SimpleRnn, LSTM, GRU, bidirectional, stacked and feed-forward models on the "
                + "adding, copy-memory and control-chart tasks at an equal parameter budget; writes OUT/report.md, "
                + "OUT/results.json and charts. An interrupted grid continues with --resume.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for report, results, charts.")
    Path out;

    @Option(names = "--quick", description = "The quick grid (a few minutes): adding T=50,100 and copy T=20; tanh "
            + "RNN, GRU, LSTM, feed-forward; one seed.")
    boolean quick;

    @Option(names = "--resume", description = "Continue the grid in OUT: runs already in OUT/results.json are kept.")
    boolean resume;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK",
            description = "Tasks: adding, copy, control, control-uci, vowels, char-lm, sentiment (default: the grid's).")
    List<String> tasks;

    @Option(names = "--cells", split = ",", paramLabel = "CELL", description = "Cells: simple-rnn, lstm, gru, "
            + "gru-reset-before, feed-forward; bi- prefix, -chrono suffix on gated cells (chrono initialisation for "
            + "the task's horizon, adding and copy only), -xN depth suffix (default: the grid's).")
    List<String> cells;

    @Option(names = "--lengths", split = ",", paramLabel = "T",
            description = "Sequence lengths for every selected task (default: each task's own).")
    List<Integer> lengths;

    @Option(names = "--budget", paramLabel = "params|hidden", description = "Hold parameters or hidden size equal "
            + "(default: params).")
    String budget;

    @Option(names = "--size", paramLabel = "N", description = "Parameters per model, or hidden units with "
            + "--budget hidden (default: 3,000 quick, 5,000 full).")
    Integer size;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per run (default: 1 quick, 2 full).")
    Integer seeds;

    @Option(names = "--max-iterations", paramLabel = "N", description = "Iterations at most per run.")
    Integer maxIterations;

    @Option(names = "--no-clipping", description = "Skip the clipping experiment.")
    boolean noClipping;

    @Option(names = "--plan", description = "Print the grid's runs and time estimate, then stop without running.")
    boolean planOnly;

    @Option(names = "--report-only", description = "Write report.md and the charts from OUT/results.json as it "
            + "is (say, of an interrupted grid), without running anything.")
    boolean reportOnly;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Folder of real data sets, for control-uci, vowels, char-lm and sentiment (default: "
                    + "${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws IOException {
        if (reportOnly) {
            Path file = out.resolve("results.json");
            if (!Files.isRegularFile(file)) {
                throw new UsageException(file + " does not exist: nothing to report");
            }
            BenchResults results = BenchResults.read(file);
            Map<String, String> meta = new LinkedHashMap<>(results.meta());
            meta.put("report written", Instant.now().truncatedTo(ChronoUnit.SECONDS) + " from the " + results.runs().size()
                    + " runs finished by then");
            System.out.println("wrote " + BenchReport.write(results.withMeta(meta), out));
            return 0;
        }
        BenchGrid grid = grid();
        if (planOnly) {
            grid.plan().forEach(p -> System.out.println(p.key()));
            System.out.println(grid.plan().size() + " runs; estimate: " + GridEstimate.of(grid).describe());
            return 0;
        }
        Path resultsFile = out.resolve("results.json");
        BenchResults previous;
        if (Files.isRegularFile(resultsFile)) {
            if (!resume) {
                throw new UsageException(out + " already holds results.json: add --resume to continue that grid, "
                        + "or choose another --out");
            }
            previous = BenchResults.read(resultsFile);
            if (!previous.settings().equals(grid.settings())) {
                throw new UsageException(resultsFile + " was measured with other settings (" + previous.settings()
                        + "); resume with the options that made it, or choose another --out");
            }
        } else if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a folder");
        } else {
            previous = null;
        }
        Files.createDirectories(out);
        Map<String, String> meta = describe(grid);
        System.out.println("grid: " + meta.get("grid") + " — " + grid.describe().get("runs") + " runs: "
                + meta.get("tasks") + "; cells " + meta.get("cells") + "; seeds " + meta.get("seeds"));
        System.out.println("estimate: " + GridEstimate.of(grid, previous).describe());
        BenchResults start = previous == null ? BenchResults.start(meta, grid.settings())
                : previous.withMeta(merge(previous.meta(), meta, previous.runs().size()));
        Instant begun = Instant.now();
        BenchResults results = new BenchRunner(BenchListener.printing(System.out)).run(grid, start, resultsFile);
        Map<String, String> done = new LinkedHashMap<>(results.meta());
        done.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        done.put("wall time of this invocation", format(Duration.between(begun, Instant.now())));
        Path report = BenchReport.write(results.withMeta(done), out);
        System.out.println("wrote " + report + ", " + resultsFile + " and the charts");
        return 0;
    }

    private BenchGrid grid() {
        BenchGrid base = quick ? BenchGrids.quick() : BenchGrids.full(data);
        boolean custom = tasks != null || cells != null || lengths != null || budget != null || size != null
                || seeds != null || maxIterations != null || noClipping;
        List<BenchTask> chosenTasks = base.tasks();
        if (tasks != null) {
            chosenTasks = new ArrayList<>();
            for (String t : tasks) {
                try {
                    chosenTasks.add(BenchGrids.task(t.trim(), data));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
            }
        }
        List<CellVariant> chosenCells = base.cells();
        if (cells != null) {
            try {
                chosenCells = CellVariants.parseAll(cells);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Map<String, List<Integer>> chosenLengths = new LinkedHashMap<>(base.lengths());
        if (lengths != null) {
            chosenTasks.forEach(t -> chosenLengths.put(t.name(), List.copyOf(lengths)));
        }
        BenchSettings settings = base.settings();
        if (budget != null || size != null) {
            BenchSettings.Budget kind = budget == null ? settings.budget() : switch (budget) {
                case "params" -> BenchSettings.Budget.PARAMS;
                case "hidden" -> BenchSettings.Budget.HIDDEN;
                default -> throw new UsageException("--budget must be params or hidden, got " + budget);
            };
            int n = size != null ? size : kind == BenchSettings.Budget.HIDDEN ? 64 : settings.size();
            settings = settings.withBudget(kind, n);
        }
        if (maxIterations != null) {
            settings = settings.withIterations(maxIterations, Math.min(settings.blockIterations(), maxIterations));
        }
        String label = custom ? "custom (from the " + base.label() + " grid)" : base.label();
        // A task's own cells give way to --cells, its own iteration cap to --max-iterations.
        Map<String, BenchGrid.TaskOptions> options = new LinkedHashMap<>();
        if (cells == null && maxIterations == null) {
            options.putAll(base.options());
        } else if (maxIterations == null) {
            base.options().forEach((t, o) -> options.put(t, new BenchGrid.TaskOptions(null, o.maxIterations())));
        } else if (cells == null) {
            base.options().forEach((t, o) -> {
                if (o.cells() != null) {
                    options.put(t, new BenchGrid.TaskOptions(o.cells(), 0));
                }
            });
        }
        return new BenchGrid(label, chosenTasks, chosenCells, chosenLengths, seeds != null ? seeds : base.seeds(),
                settings, noClipping ? null : base.clipping(), options);
    }

    private Map<String, String> describe(BenchGrid grid) {
        Map<String, String> meta = new LinkedHashMap<>(grid.describe());
        // The parse result's original arguments start with the subcommand's own name.
        meta.put("command", "./rnnkit " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        meta.put("commit", commit());
        Map<String, String> env = Environment.describe();
        meta.put("machine", cpuModel() + ", " + env.get("cores") + " cores, " + env.get("threads") + ", java "
                + env.get("java") + ", " + env.get("nd4j backend"));
        meta.put("load average at start", String.format("%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        meta.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return meta;
    }

    /**
     * The description of a resumed grid: this invocation's, with the first start and, where an earlier invocation
     * ran other code or another command, what it was, so that the kept runs are not credited to this one.
     */
    static Map<String, String> merge(Map<String, String> earlier, Map<String, String> now, int keptRuns) {
        Map<String, String> m = new LinkedHashMap<>(now);
        m.put("first started", earlier.getOrDefault("first started", earlier.getOrDefault("started", "unknown")));
        String before = earlier.getOrDefault("earlier invocations", "");
        boolean same = now.get("commit").equals(earlier.get("commit"))
                && now.get("command").equals(earlier.get("command"));
        if (!before.isEmpty() || !same) {
            String last = String.format("`%s` at commit %s, started %s%s%s%s (%d runs finished by then, kept)",
                    earlier.getOrDefault("command", "?"), earlier.getOrDefault("commit", "?"),
                    earlier.getOrDefault("started", "?"), optional(earlier, "load average at start", ", load average "),
                    optional(earlier, "finished", ", finished "),
                    optional(earlier, "wall time of this invocation", ", wall time "), keptRuns);
            m.put("earlier invocations", before.isEmpty() ? last : before + "; " + last);
        }
        return m;
    }

    private static String optional(Map<String, String> meta, String key, String prefix) {
        return meta.containsKey(key) ? prefix + meta.get(key) : "";
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String text = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? text : "unknown (not a git checkout)";
        } catch (IOException e) {
            return "unknown (git not available)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String format(Duration d) {
        return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
