package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.spec.Optimizer;

/** A tiny grid end to end: runs, results file, resume after an interruption, report and charts. */
class BenchRunnerTest {

    private static BenchGrid tinyGrid() {
        BenchSettings settings = new BenchSettings(BenchSettings.Budget.PARAMS, 150, 8, 1e-2, 1.0, 6, 3, 60);
        ClippingExperiment clipping = new ClippingExperiment(new AddingBench(16), 5, CellVariants.simpleRnn(), 4,
                Optimizer.sgd(0.5), 1.0, 6);
        return new BenchGrid("tiny", List.of(new AddingBench(16), new CopyMemoryBench(8)),
                CellVariants.parseAll(List.of("gru", "lstm", "feed-forward")),
                Map.of("adding", List.of(5, 8), "copy", List.of(3)), 1, settings, clipping);
    }

    /** Stops the grid after a number of finished runs, as a kill would. */
    private static final class Interrupt extends RuntimeException {
    }

    @Test
    void runsResumesAndReports(@TempDir Path dir) throws IOException {
        BenchGrid grid = tinyGrid();
        Path file = dir.resolve("results.json");
        int total = grid.plan().size();
        assertEquals(9, total);

        List<RunKey> firstPass = new ArrayList<>();
        BenchListener stopAfterFour = new BenchListener() {
            @Override
            public void finished(RunResult result, int index, int of) {
                firstPass.add(result.key());
                if (firstPass.size() == 4) {
                    throw new Interrupt();
                }
            }
        };
        assertThrows(Interrupt.class, () -> new BenchRunner(stopAfterFour).run(grid,
                BenchResults.start(Map.of("grid", "tiny"), grid.settings()), file));
        BenchResults saved = BenchResults.read(file);
        assertEquals(firstPass, saved.runs().stream().map(RunResult::key).toList(), "every finished run was saved");

        List<RunKey> kept = new ArrayList<>();
        List<RunKey> ran = new ArrayList<>();
        BenchListener record = new BenchListener() {
            @Override
            public void kept(RunKey key, int index, int of) {
                kept.add(key);
            }

            @Override
            public void finished(RunResult result, int index, int of) {
                ran.add(result.key());
            }
        };
        BenchResults done = new BenchRunner(record).run(grid, BenchResults.read(file), file);
        assertEquals(firstPass, kept, "resume keeps the finished runs");
        assertEquals(total - 4, ran.size(), "and runs only the rest");
        assertEquals(total, done.runs().size());
        assertEquals(saved.runs().get(0).score(), done.find(firstPass.get(0)).orElseThrow().score());
        assertEquals(1, done.clipping().size());
        assertEquals(2, done.clipping().get(0).curves().size());

        for (RunResult r : done.runs()) {
            assertTrue(r.iterations() > 0 && r.iterations() <= 6, r.key() + " trained within its cap");
            assertTrue(Math.abs(r.parameters() - 150) < 60, r.key() + " near the budget: " + r.parameters());
            assertTrue(Double.isFinite(r.score()) && r.inferencePerSecond() > 0 && r.heapPeakBytes() > 0, r.key()
                    + " was measured");
            boolean probed = r.key().task().equals("adding") && !r.key().cell().equals("feed-forward");
            assertEquals(probed, r.gradientsAtInit() != null, r.key() + " probe");
            if (probed) {
                assertEquals(r.key().length(), r.gradientsAtInit().byDistance().length);
                assertNotNull(r.gradientsTrained());
            }
        }

        Path report = BenchReport.write(done, dir);
        String md = Files.readString(report);
        assertTrue(md.contains("not the full grid"), "a partial grid says so");
        assertTrue(md.contains("## adding") && md.contains("## copy") && md.contains("| 8 | lstm |"), md);
        assertTrue(md.contains("## GRU against LSTM"), md);
        for (String png : List.of("score-adding.png", "score-copy.png", "gradients-adding-T5.png",
                "gradients-adding-T8.png", "clipping.png")) {
            assertTrue(Files.size(dir.resolve(png)) > 1000, png);
            assertTrue(md.contains("(" + png + ")"), "the report links " + png);
        }
        assertEquals(done.runs().size(), BenchResults.read(dir.resolve("results.json")).runs().size());
    }

    @Test
    void resumingWithAGridThatOnlyAddsRunsKeepsThemAndRefusesAChangedCap(@TempDir Path dir) throws IOException {
        BenchSettings settings = new BenchSettings(BenchSettings.Budget.PARAMS, 150, 8, 1e-2, 1.0, 4, 2, 60);
        Map<String, List<Integer>> lengths = Map.of("adding", List.of(5));
        BenchGrid first = new BenchGrid("g", List.of(new AddingBench(16)), CellVariants.parseAll(List.of("gru")),
                lengths, 1, settings, null);
        Path file = dir.resolve("results.json");
        BenchResults earlier = new BenchRunner(new BenchListener() { }).run(first,
                BenchResults.start(Map.of("grid", "g"), settings), file);
        assertEquals("iterations", earlier.runs().get(0).stopped(), "the tiny run stops at its cap of 4");

        BenchGrid more = new BenchGrid("g", List.of(new AddingBench(16)),
                CellVariants.parseAll(List.of("gru", "lstm-chrono")), lengths, 1, settings, null);
        List<RunKey> kept = new ArrayList<>();
        BenchResults extended = new BenchRunner(new BenchListener() {
            @Override
            public void kept(RunKey key, int index, int of) {
                kept.add(key);
            }
        }).run(more, BenchResults.read(file), file);
        assertEquals(List.of(earlier.runs().get(0).key()), kept);
        assertEquals(earlier.runs().get(0).score(), extended.runs().get(0).score());
        assertEquals(List.of("gru", "lstm-chrono"), extended.runs().stream().map(r -> r.key().cell()).toList());

        // The same grid-wide settings, but the task's own cap changed: the kept run shows its cap of 4.
        BenchGrid otherCap = new BenchGrid("g", List.of(new AddingBench(16)), CellVariants.parseAll(List.of("gru")),
                lengths, 1, settings, null, Map.of("adding", new BenchGrid.TaskOptions(null, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BenchRunner(new BenchListener() { }).run(otherCap, extended, null));
        assertTrue(e.getMessage().contains("does not fit a cap of 2 iterations"), e.getMessage());
        // A larger cap: the kept run, stopped by its cap of 4, would have trained on.
        BenchGrid largerCap = new BenchGrid("g", List.of(new AddingBench(16)), CellVariants.parseAll(List.of("gru")),
                lengths, 1, settings, null, Map.of("adding", new BenchGrid.TaskOptions(null, 6)));
        assertThrows(IllegalArgumentException.class, () -> BenchRunner.checkKeptRuns(largerCap.plan(), extended));
    }

    @Test
    void thePublishedFullGridResumesIntoTodaysFullGrid() throws IOException {
        // docs/bench/full was run before the chrono cells existed; today's full grid only adds runs to it.
        Path published = Path.of("../docs/bench/full/results.json");
        BenchResults results = BenchResults.read(published);
        BenchGrid full = BenchGrids.full(Path.of("../../shared/data"));
        assertEquals(full.settings(), results.settings());
        BenchRunner.checkKeptRuns(full.plan(), results);
        List<BenchGrid.Planned> toRun = full.plan().stream().filter(p -> results.find(p.key()).isEmpty()).toList();
        assertTrue(toRun.stream().allMatch(p -> p.cell().needsHorizon()), "only the chrono cells are new");
        assertEquals(24, full.plan().stream().filter(p -> p.cell().needsHorizon()).count());
        assertTrue(toRun.size() <= 24, "at most the chrono runs are left: " + toRun.size());
    }

    @Test
    void resumingWithOtherSettingsIsRefused() {
        BenchGrid grid = tinyGrid();
        BenchResults other = BenchResults.start(Map.of(), grid.settings().withBudget(BenchSettings.Budget.HIDDEN, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BenchRunner(new BenchListener() { }).run(grid, other, null));
        assertTrue(e.getMessage().contains("other settings"), e.getMessage());
    }

    @Test
    void bidirectionalCellsSkipTasksThatForbidThem() {
        BenchTask forward = new BenchTask() {
            @Override
            public String name() {
                return "next-step";
            }

            @Override
            public String description() {
                return "a task that must not read the future";
            }

            @Override
            public List<Integer> defaultLengths() {
                return List.of(10);
            }

            @Override
            public boolean allowsBidirectional() {
                return false;
            }

            @Override
            public TaskInstance prepare(int length, long seed) {
                throw new UnsupportedOperationException("not run in this test");
            }
        };
        BenchGrid grid = new BenchGrid("t", List.of(forward), CellVariants.parseAll(List.of("gru", "bi-gru")), Map.of(),
                2, BenchSettings.defaults(), null);
        assertEquals(List.of("gru", "gru"), grid.plan().stream().map(p -> p.key().cell()).toList());
    }
}
