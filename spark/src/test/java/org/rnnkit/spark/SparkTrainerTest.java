package org.rnnkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.train.EpochRunner;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;

/** Training rnnkit's GRU networks on Spark (local[2]) against the same networks trained on this JVM. */
class SparkTrainerTest {
    private static final int EPOCHS = 3;
    private static JavaSparkContext sc;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        sc = new JavaSparkContext(SparkJvm.conf(SparkSettings.local(2).withAppName("rnnkit-test")));
    }

    @AfterAll
    static void stopSpark() {
        sc.stop();
    }

    private static ModelSpec gru() {
        return Rnn.sequence(InputSpec.tokens(MajorityTask.VOCABULARY)).embedding(8).gru(16).lastStep().softmax(2)
                .optimizer(Optimizer.adam(0.01)).seed(11).spec();
    }

    private static double accuracy(SequenceModel model, List<DataSet> test) {
        return model.network().evaluate(MajorityTask.iterator(test)).accuracy();
    }

    @Test
    void gruOnSparkMatchesTheSameNetworkTrainedLocally() {
        List<DataSet> train = MajorityTask.batches(768, 16, 1);
        List<DataSet> test = MajorityTask.batches(512, 64, 2);
        long t0 = System.nanoTime();
        SequenceModel local = SequenceModel.create(gru());
        TrainingResult localRun = new Trainer(TrainingConfig.epochs(EPOCHS)).fit(local, MajorityTask.iterator(train), null);
        long t1 = System.nanoTime();
        SequenceModel spark = SequenceModel.create(gru());
        List<DataSet> batches = train;
        // README: spark rdd
        JavaRDD<DataSet> rdd = sc.parallelize(batches, 2);
        EpochRunner runner = SparkTrainer.with(SparkSettings.local(2).withAveragingFrequency(3)).runner(rdd);
        TrainingResult sparkRun = new Trainer(TrainingConfig.epochs(EPOCHS)).fit(spark, runner, null);
        // END README
        long t2 = System.nanoTime();
        double localAccuracy = accuracy(local, test);
        double sparkAccuracy = accuracy(spark, test);
        System.out.printf("local: acc %.4f loss %.4f -> %.4f (%.1fs); spark: acc %.4f loss %.4f -> %.4f (%.1fs)%n",
                localAccuracy, localRun.firstLoss(), localRun.lastLoss(), (t1 - t0) / 1e9, sparkAccuracy,
                sparkRun.firstLoss(), sparkRun.lastLoss(), (t2 - t1) / 1e9);
        sparkRun.history().forEach(System.out::println);
        assertTrue(sparkRun.lastLoss() < sparkRun.firstLoss() * 0.5, "loss falls on Spark: " + sparkRun.history());
        assertTrue(sparkAccuracy >= localAccuracy - 0.05,
                "Spark accuracy " + sparkAccuracy + " within 0.05 of local " + localAccuracy);
    }

    @Test
    void encoderDecoderGraphTrainsOnSpark() {
        List<MultiDataSet> train = ReversalTask.batches(256, 16, 3);
        int size = ReversalTask.VOCABULARY.size();
        Seq2SeqModel model = Rnn.encoderDecoder(size, size).embedding(8).gru(16).optimizer(Optimizer.adam(0.02))
                .seed(5).build();
        double before = train.stream().mapToDouble(model::score).average().orElseThrow();
        TrainingResult run = new Trainer(TrainingConfig.epochs(3))
                .fit(model, SparkTrainer.with(SparkSettings.local(2).withAveragingFrequency(4))
                        .multiRunner(sc.parallelize(train, 2)), null);
        double after = train.stream().mapToDouble(model::score).average().orElseThrow();
        System.out.printf("seq2seq on Spark: loss %.4f -> %.4f; %s%n", before, after, run.history());
        assertEquals(3, run.history().size());
        assertTrue(after < before * 0.7, "the graph on the driver holds trained parameters: " + before + " -> " + after);
    }

    @Test
    void aPassFitsEveryBatchOnceAndReportsTheirMeanLoss() {
        // 22 batches of 16 and one of 8 (360 examples), 2 workers averaging every 5 batches: DL4J alone would make
        // floor(23 / 10) = 2 rounds of 10 batches and drop 3. Dealt as rounds of 10, 10 and 3 (2 + 1), all are fit.
        List<DataSet> train = MajorityTask.batches(360, 16, 7);
        assertEquals(23, train.size());
        SequenceModel model = SequenceModel.create(gru());
        try (EpochRunner runner = SparkTrainer.with(SparkSettings.local(2).withAveragingFrequency(5))
                .runner(sc.parallelize(train, 3))) {
            for (int epoch = 0; epoch < 2; epoch++) {
                EpochRunner.Pass pass = runner.fitEpoch(model, epoch);
                assertEquals(23, pass.batches(), "batches fit in pass " + epoch + ": " + pass);
                assertEquals(360, pass.examples(), "examples fit in pass " + epoch + ": " + pass);
                if (epoch == 0) {
                    assertTrue(pass.meanLoss() > 0.3 && pass.meanLoss() < 1.0, "a first pass's loss is near ln 2: "
                            + pass);
                }
            }
            assertEquals(2, model.network().getEpochCount(), "each pass counts as one epoch, not one per round");
        }
    }

    @Test
    void roundsDealEachBatchOnceWithAtMostTheAveragingFrequencyPerWorker() {
        List<Integer> batches = IntStream.range(0, 23).boxed().toList();
        List<JavaRDD<Integer>> rounds = AveragingRounds.deal(sc, sc.parallelize(batches, 3), 23, 2, 5, 42);
        assertEquals(3, rounds.size());
        List<Integer> seen = new ArrayList<>();
        int[][] expectedSizes = {{5, 5}, {5, 5}, {2, 1}};
        for (int r = 0; r < rounds.size(); r++) {
            List<Integer>[] partitions = rounds.get(r).collectPartitions(
                    IntStream.range(0, rounds.get(r).getNumPartitions()).toArray());
            assertEquals(expectedSizes[r].length, partitions.length, "partitions of round " + r);
            for (int w = 0; w < partitions.length; w++) {
                assertEquals(expectedSizes[r][w], partitions[w].size(), "round " + r + ", worker " + w);
                seen.addAll(partitions[w]);
            }
        }
        assertEquals(batches, seen.stream().sorted().toList(), "every batch exactly once");
        assertNotEquals(batches, seen, "in a shuffled order");
    }
}
