package org.rnnkit.core.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.eval.Evaluator;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.PoolSpec.Pooling;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;
import org.rnnkit.datasets.SequenceNormalizer;

/**
 * The pipelines as an application uses them: train on raw data, evaluate, save, load, predict on plain values of
 * varying length, and bad input; metrics checked against the predictions they summarise.
 */
class PipelineTest {

    @TempDir
    Path dir;

    /** Variable-length sequences of one feature around 50; class "high" when the mean is above 50. */
    private static SequenceDataset levels(int n, long seed) {
        Random r = new Random(seed);
        List<SequenceExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean high = i % 2 == 0;
            float[][] x = new float[3 + r.nextInt(8)][1];
            for (float[] step : x) {
                step[0] = (float) (50 + (high ? 4 : -4) + 3 * r.nextGaussian());
            }
            out.add(new SequenceExample(x, SequenceExample.oneHot(high ? 1 : 0, 2)));
        }
        return new SequenceDataset("levels", out, true, LabelSet.of("low", "high"));
    }

    private static SequenceModel classifierModel() {
        return Rnn.sequence(InputSpec.features(1)).gru(8).pool(Pooling.AVG).softmax(2)
                .optimizer(Optimizer.adam(0.02)).seed(7).build();
    }

    @Test
    void classifierTrainsOnRawDataAndRoundTripsThroughOneFile() throws Exception {
        SequenceDataset train = levels(120, 1);
        SequenceDataset test = levels(60, 2);
        SequenceNormalizer normalizer = SequenceNormalizer.fit(SequenceNormalizer.Kind.STANDARDIZE, train);
        SequenceClassifier classifier = SequenceClassifier.of(classifierModel(), normalizer, train.classes().get());
        TrainingResult result = classifier.fit(new Trainer(TrainingConfig.epochs(8)), train, null,
                BatchPlan.shuffled(16, 3));
        assertTrue(result.lastLoss() < result.firstLoss(), result.history().toString());

        EvaluationReport report = classifier.evaluate(test);
        assertTrue(report.accuracy() > 0.75, report.toText());
        // the report summarises exactly the predictions
        List<float[][]> inputs = test.examples().stream().map(SequenceExample::features).toList();
        List<Classification> predicted = classifier.predict(inputs);
        int right = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String actual = test.examples().get(i).labels()[0][1] == 1f ? "high" : "low";
            right += predicted.get(i).label().equals(actual) ? 1 : 0;
        }
        assertEquals((double) right / inputs.size(), report.accuracy(), 1e-12);
        // ...and matches the model evaluated directly on normalised batches
        EvaluationReport direct = Evaluator.evaluate(classifier.model(),
                normalizer.apply(test).iterator(BatchPlan.sequential(7)));
        assertEquals(report.accuracy(), direct.accuracy(), 1e-12);
        assertEquals(report.auc(), direct.auc(), 1e-6);

        Path file = dir.resolve("levels.zip");
        classifier.save(file);
        SequenceClassifier loaded = SequenceClassifier.load(file);
        assertEquals(classifier.labels(), loaded.labels());
        for (int i = 0; i < 5; i++) {
            Classification one = loaded.predict(inputs.get(i));
            assertEquals(predicted.get(i).label(), one.label());
            assertEquals(predicted.get(i).probability(), one.probability(), 1e-5, "batched, sorted and padded "
                    + "predictions equal one-at-a-time ones");
        }
        assertEquals(1.0, predicted.get(0).probabilities().values().stream().mapToDouble(Double::doubleValue).sum(),
                1e-5);
        ModelFileException wrongKind = assertThrows(ModelFileException.class, () -> SequenceTagger.load(file));
        assertTrue(wrongKind.getMessage().contains("holds a sequence-classifier, not a sequence-tagger"),
                wrongKind.getMessage());
    }

    @Test
    void badInputsAndMismatchesAreClearErrors() {
        SequenceClassifier classifier = SequenceClassifier.of(classifierModel(), null, LabelSet.of("low", "high"));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> classifier.predict(List.of(new float[][] {{1}}, new float[][] {{1}, {2, 3}})));
        assertTrue(width.getMessage().contains("input 1") && width.getMessage().contains("step 1 has 2 features, "
                + "the model reads 1"), width.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> classifier.predict(new float[][] {{Float.NaN}}));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> classifier.predict(new float[0][]));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> classifier.evaluate(List.<float[][]>of(new float[][] {{1}}), List.of("medium")));
        assertTrue(unknown.getMessage().contains("medium") && unknown.getMessage().contains("[low, high]"),
                unknown.getMessage());
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> SequenceClassifier.of(classifierModel(), null, LabelSet.of("a", "b", "c")));
        assertTrue(classes.getMessage().contains("softmax(3)") && classes.getMessage().contains("softmax(2)"),
                classes.getMessage());
        SequenceDataset nine = new SequenceDataset("nine", List.of(new SequenceExample(new float[][] {{1}},
                SequenceExample.oneHot(0, 3))), true, LabelSet.of("a", "b", "c"));
        IllegalArgumentException data = assertThrows(IllegalArgumentException.class,
                () -> classifier.fit(new Trainer(TrainingConfig.epochs(1)), nine, null, BatchPlan.sequential(4)));
        assertTrue(data.getMessage().contains("3 label columns") && data.getMessage().contains("2 outputs"),
                data.getMessage());
    }

    /** Sequences of 1..6 values in [0, 1); target: 10 x their sum + 100 (scaled for training, reported in units). */
    private static SequenceDataset sums(int n, long seed) {
        Random r = new Random(seed);
        List<SequenceExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[][] x = new float[1 + r.nextInt(6)][1];
            float sum = 0;
            for (float[] step : x) {
                step[0] = r.nextFloat();
                sum += step[0];
            }
            out.add(new SequenceExample(x, new float[][] {{10 * sum + 100}}));
        }
        return new SequenceDataset("sums", out, true, null);
    }

    @Test
    void regressorPredictsInTheTargetsUnitsAndBeatsTheMean() throws Exception {
        SequenceDataset train = sums(300, 4);
        SequenceDataset test = sums(80, 5);
        List<float[][]> targets = train.examples().stream().map(SequenceExample::labels).toList();
        SequenceNormalizer scale = SequenceNormalizer.fit(SequenceNormalizer.Kind.STANDARDIZE, targets);
        SequenceModel model = Rnn.sequence(InputSpec.features(1)).gru(16).lastStep().regression(1)
                .optimizer(Optimizer.adam(0.01)).seed(3).build();
        SequenceRegressor regressor = SequenceRegressor.of(model, null, scale);
        regressor.fit(new Trainer(TrainingConfig.epochs(12)), train, null, BatchPlan.shuffled(32, 1));
        EvaluationReport report = regressor.evaluate(test);
        assertTrue(report.mse() < 0.25 * report.baselineMse(), report.toText());
        float[] prediction = regressor.predict(new float[][] {{0.5f}, {0.5f}, {0.5f}});
        assertEquals(115, prediction[0], 3, "10 x 1.5 + 100, in the targets' units");

        Path file = dir.resolve("sums.zip");
        regressor.save(file);
        SequenceRegressor loaded = SequenceRegressor.load(file);
        assertArrayEquals(prediction, loaded.predict(new float[][] {{0.5f}, {0.5f}, {0.5f}}), 1e-4f);
        assertEquals(report.mse(), loaded.evaluate(test).mse(), 1e-6);
    }

    /** Per-step labels: "pos" while the running sum of +-1 values is positive. */
    private static SequenceDataset runningSigns(int n, long seed) {
        Random r = new Random(seed);
        List<SequenceExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 2 + r.nextInt(9);
            float[][] x = new float[length][1];
            float[][] y = new float[length][];
            float sum = 0;
            for (int t = 0; t < length; t++) {
                x[t][0] = r.nextBoolean() ? 1 : -1;
                sum += x[t][0];
                y[t] = SequenceExample.oneHot(sum > 0 ? 1 : 0, 2)[0];
            }
            out.add(new SequenceExample(x, y));
        }
        return new SequenceDataset("signs", out, false, LabelSet.of("neg", "pos"));
    }

    @Test
    void taggerLabelsEveryRealStepAndCountsOnlyThose() throws Exception {
        SequenceDataset train = runningSigns(200, 8);
        SequenceDataset test = runningSigns(50, 9);
        SequenceModel model = Rnn.sequence(InputSpec.features(1)).gru(16).softmax(2)
                .optimizer(Optimizer.adam(0.02)).seed(5).build();
        SequenceTagger tagger = SequenceTagger.of(model, null, train.classes().get());
        TrainingResult result = tagger.fit(new Trainer(TrainingConfig.epochs(6)), train, null,
                BatchPlan.shuffled(20, 2));
        assertTrue(result.lastLoss() < result.firstLoss(), result.history().toString());
        EvaluationReport report = tagger.evaluate(test);
        long realSteps = test.examples().stream().mapToInt(SequenceExample::length).sum();
        assertEquals(EvaluationReport.Task.TAGGING, report.task());
        assertEquals(realSteps, report.units(), "padding never counts");
        assertEquals(50, report.examples());
        assertTrue(report.accuracy() > 0.8, report.toText());
        List<String> tags = tagger.predict(new float[][] {{1}, {1}, {-1}, {-1}, {-1}});
        assertEquals(5, tags.size());
        EvaluationReport direct = Evaluator.evaluate(model, test.iterator(BatchPlan.bucketed(16, 0)));
        assertEquals(report.accuracy(), direct.accuracy(), 1e-12);
        assertEquals(realSteps, direct.units());

        Path file = dir.resolve("tagger.zip");
        tagger.save(file);
        assertEquals(tags, SequenceTagger.load(file).predict(new float[][] {{1}, {1}, {-1}, {-1}, {-1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tagger.evaluate(List.<float[][]>of(new float[][] {{1}, {1}}), List.of(List.of("pos"))));
        assertTrue(e.getMessage().contains("1 labels, the sequence has 2 steps"), e.getMessage());
    }
}
