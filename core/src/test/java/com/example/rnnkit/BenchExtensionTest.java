package com.example.rnnkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.benchmark.BenchGrid;
import org.rnnkit.core.benchmark.BenchListener;
import org.rnnkit.core.benchmark.BenchReport;
import org.rnnkit.core.benchmark.BenchResults;
import org.rnnkit.core.benchmark.BenchRunner;
import org.rnnkit.core.benchmark.BenchSettings;
import org.rnnkit.core.benchmark.BenchTask;
import org.rnnkit.core.benchmark.CellVariant;
import org.rnnkit.core.benchmark.CellVariants;
import org.rnnkit.core.benchmark.DatasetInstance;
import org.rnnkit.core.benchmark.Evaluation;
import org.rnnkit.core.benchmark.Metric;
import org.rnnkit.core.benchmark.RunResult;
import org.rnnkit.core.benchmark.TaskInstance;
import org.rnnkit.core.benchmark.TaskSignature;
import org.rnnkit.core.eval.Evaluator;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

/**
 * A downstream project benchmarks its own task and its own model against rnnkit's cells with the public API only:
 * a task ({@code first-value}: recall the first of T noise values) and a cell (a per-step dense projection in front
 * of a GRU).
 */
class BenchExtensionTest {

    /** Recall the first value of a sequence of U(-1, 1) noise: regression, MSE against the 1/3 of predicting 0. */
    static final class FirstValueTask implements BenchTask {
        @Override
        public String name() {
            return "first-value";
        }

        @Override
        public String description() {
            return "recall the first of T noise values; MSE, predicting 0 scores 1/3";
        }

        @Override
        public List<Integer> defaultLengths() {
            return List.of(4, 6);
        }

        static SequenceDataset draw(int n, int length, long seed) {
            Random random = new Random(seed);
            List<SequenceExample> examples = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[][] x = new float[length][1];
                for (int t = 0; t < length; t++) {
                    x[t][0] = 2 * random.nextFloat() - 1;
                }
                examples.add(new SequenceExample(x, new float[][] {{x[0][0]}}));
            }
            return new SequenceDataset("first value T=" + length, examples, true, null);
        }

        @Override
        public TaskInstance prepare(int length, long seed) {
            return new DatasetInstance((block, n) -> draw(n, length, seed * 1000 + block), null,
                    draw(64, length, -seed - 1), seed) {
                @Override
                public TaskSignature signature() {
                    return new TaskSignature(InputSpec.features(1), true, TaskSignature.Head.REGRESSION, 1);
                }

                @Override
                public Metric metric() {
                    return new Metric("mse", true, 1.0 / 3, 0.02);
                }

                @Override
                public Evaluation evaluate(SequenceModel model) {
                    return Evaluation.of(Evaluator.evaluate(model, heldOut()).mse());
                }
            };
        }
    }

    /** A dense ReLU projection of every step, then a GRU. */
    record ProjectedGru() implements CellVariant {
        @Override
        public String name() {
            return "projected-gru";
        }

        @Override
        public ModelSpec spec(TaskSignature task, int hidden, Optimizer optimizer, long seed) {
            return task.finishRecurrent(task.start().dense(hidden).gru(hidden)).optimizer(optimizer).seed(seed).spec();
        }
    }

    @Test
    void ownTaskAndCellRunInTheGrid(@TempDir Path dir) throws Exception {
        BenchSettings settings = BenchSettings.defaults().withBudget(BenchSettings.Budget.PARAMS, 400)
                .withIterations(40, 20).withTraining(16, 2e-2, 1.0);
        BenchGrid grid = new BenchGrid("downstream", List.of(new FirstValueTask()),
                List.of(new ProjectedGru(), CellVariants.gru()), Map.of("first-value", List.of(5)), 1, settings,
                null);
        BenchResults results = new BenchRunner(new BenchListener() { })
                .run(grid, BenchResults.start(Map.of("grid", "downstream"), settings), dir.resolve("results.json"));

        assertEquals(2, results.runs().size());
        for (RunResult r : results.runs()) {
            assertTrue(Math.abs(r.parameters() - 400) < 60, r.key() + ": " + r.parameters() + " parameters");
            assertTrue(r.best() < r.baseline(), r.key() + " learns something: " + r.best());
        }
        BenchReport.write(results, dir);
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("## first-value") && report.contains("projected-gru"), report);
    }
}
