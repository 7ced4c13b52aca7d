package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.Optimizer;

/** Task scoring with known answers, the metric and spread arithmetic, and the seed table's verdicts. */
class BenchMetricsTest {

    @Test
    void addingBaselineIsTheMsePredictingTheMean() {
        TaskInstance adding = new AddingBench(4000).prepare(10, 1);
        double sum = 0;
        long n = 0;
        DataSetIterator it = adding.heldOut();
        while (it.hasNext()) {
            DataSet ds = it.next();
            for (int i = 0; i < ds.numExamples(); i++) {
                double e = ds.getLabels().getDouble(i, 0) - 1.0;
                sum += e * e;
                n++;
            }
        }
        assertEquals(AddingBench.BASELINE_MSE, sum / n, 0.01, "Var(U1 + U2) = 1/6");
        assertEquals(new Metric("mse", true, 1.0 / 6, 0.01), adding.metric());
    }

    @Test
    void aModelThatPredictsUniformlyScoresTheMemorylessCopyBaseline() {
        TaskInstance copy = new CopyMemoryBench(20).prepare(5, 1);
        SequenceModel model = SequenceModel.create(CellVariants.gru().spec(copy.signature(), 4, Optimizer.adam(1e-3), 1));
        model.network().params().assign(0); // softmax of zeros: 1/8 for every symbol
        Evaluation e = copy.evaluate(model);
        assertEquals(10 * Math.log(8) / 25, e.score(), 1e-6);
        assertEquals(CopyMemoryBench.baseline(5), copy.metric().baseline(), 1e-12);
        assertEquals(Math.log(8), e.details().get("xent/symbol"), 1e-6);
        assertEquals(0.5199, CopyMemoryBench.baseline(20), 1e-4);
    }

    @Test
    void generatedTasksAreDeterministicAndFreshPerBlock() {
        TaskInstance a = new AddingBench(10).prepare(8, 3);
        TaskInstance b = new AddingBench(10).prepare(8, 3);
        DataSet a0 = a.trainingBlock(0, 2, 5).next();
        assertEquals(a0.getFeatures(), b.trainingBlock(0, 2, 5).next().getFeatures());
        assertFalse(a0.getFeatures().equals(a.trainingBlock(1, 2, 5).next().getFeatures()));
        assertFalse(a0.getFeatures().equals(a.heldOut().next().getFeatures().get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 5))), "held-out data differ from training data");
        int batches = 0;
        for (DataSetIterator it = a.trainingBlock(4, 3, 5); it.hasNext(); it.next()) {
            batches++;
        }
        assertEquals(3, batches);
    }

    @Test
    void metricDirectionAndThreshold() {
        Metric mse = new Metric("mse", true, 0.167, 0.01);
        assertTrue(mse.solved(0.0099));
        assertFalse(mse.solved(0.01));
        assertFalse(mse.solved(Double.NaN));
        assertTrue(mse.better(0.1, 0.2));
        Metric accuracy = new Metric("accuracy", false, 1 / 6.0, 0.95);
        assertTrue(accuracy.solved(0.95));
        assertTrue(accuracy.better(0.9, 0.8));
        assertFalse(new Metric("bpc", true, 8, Double.NaN).solved(0));
    }

    @Test
    void spreadIsTheSampleStandardDeviationOfFiniteValues() {
        Spread s = Spread.of(1, 2, 3, 4, Double.NaN);
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), s.sd(), 1e-12);
        assertEquals(4, s.n());
        assertEquals("2.50 ± 1.29", s.format("%.2f"));
        assertEquals("7.0", Spread.of(7).format("%.1f"));
        assertEquals("–", Spread.of(Double.NaN).format("%.1f"));
    }

    @Test
    void verdictsNeedAMajorityAndAMargin() {
        assertEquals("holds", SeedTable.verdict(new double[] {0.8, 0.7, 0.9, 0.85}, true));
        assertEquals("does not hold here", SeedTable.verdict(new double[] {0.8, 0.7, 0.9, 0.85}, false));
        assertEquals("does not hold here", SeedTable.verdict(new double[] {1.2, 1.3}, true));
        assertEquals("no clear difference", SeedTable.verdict(new double[] {0.98, 1.01}, true));
        assertEquals("no clear difference", SeedTable.verdict(new double[] {0.5, 1.5, 0.5, 1.5}, true));
        assertEquals("not measured", SeedTable.verdict(new double[0], true));
        assertEquals("holds", SeedTable.verdict(new double[] {1.2, 1.3, 1.1, 0.99}, false));
    }

    @Test
    void evidenceCountsThePairsOnTheClaimsSide() {
        // Lower is better for memory and time, higher for throughput: "GRU lower in 2" would read as worse there.
        assertTrue(SeedTable.evidence(new double[] {1.2, 1.3, 0.9}, false).endsWith("; GRU higher in 2"));
        assertTrue(SeedTable.evidence(new double[] {1.2, 1.3, 0.9}, true).endsWith("; GRU lower in 1"));
    }

    @Test
    void cellStatsSummariseSeeds() {
        BenchSettings s = BenchSettings.defaults();
        BenchResults r = BenchResults.start(Map.of(), s)
                .with(run("gru", 0, 0.004, 300, 10))
                .with(run("gru", 1, 0.008, 500, 12))
                .with(run("lstm", 0, 0.05, -1, 14));
        List<CellStats> rows = CellStats.of(r);
        assertEquals(2, rows.size());
        CellStats gru = rows.get(0);
        assertEquals(2, gru.runs());
        assertEquals(2, gru.solved());
        assertEquals(400, gru.solvedAt().mean(), 1e-9);
        assertEquals(0.006, gru.score().mean(), 1e-12);
        assertEquals(0, rows.get(1).solved());
        assertEquals(Map.of("iterations", 1), rows.get(1).stopped());
    }

    @Test
    void rowsOfAnExtendedGridSitBesideTheirLength() {
        // As --resume leaves them: the kept runs at T = 100 and 200, then a new cell at both lengths.
        BenchResults r = BenchResults.start(Map.of(), BenchSettings.defaults())
                .with(run("gru", 0, 0.004, 300, 10, 100)).with(run("gru", 0, 0.004, 300, 10, 200))
                .with(run("lstm-chrono", 0, 0.004, 300, 10, 100)).with(run("lstm-chrono", 0, 0.004, 300, 10, 200));
        assertEquals(List.of("100 gru", "100 lstm-chrono", "200 gru", "200 lstm-chrono"),
                CellStats.of(r).stream().map(c -> c.length() + " " + c.cell()).toList());
    }

    static RunResult run(String cell, int seed, double score, long solvedAt, double ms) {
        return run(cell, seed, score, solvedAt, ms, 100);
    }

    static RunResult run(String cell, int seed, double score, long solvedAt, double ms, int length) {
        long iterations = solvedAt > 0 ? solvedAt : 1000;
        return new RunResult(new RunKey("adding", cell, length, seed), 30, 3000, "mse", 1 / 6.0, score, score, Map.of(),
                solvedAt, iterations, solvedAt > 0 ? "solved" : "iterations", ms * iterations / 1000, 5000, 900,
                100L << 20, 400L << 20, List.of(new double[] {iterations, score}), null, null);
    }
}
