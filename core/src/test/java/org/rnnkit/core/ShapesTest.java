package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.eval.Evaluation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.core.decode.DecodeOptions;
import org.rnnkit.core.decode.Decoded;
import org.rnnkit.core.decode.SamplingSearch;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.decode.TokenRules;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.PoolSpec;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;

/** Every sequence shape trains on a tiny task: its loss falls by a clear margin and it beats chance. */
class ShapesTest {

    @Test
    void manyToOneLearnsWhetherATokenOccurs() {
        SequenceModel model = Rnn.sequence(InputSpec.tokens(10))
                .embedding(8)
                .lstm(16)
                .lastStep()
                .softmax(2)
                .optimizer(Optimizer.adam(0.02))
                .seed(1)
                .build();
        DataSet train = TinyData.containsToken(256, 10, 4, 10, 1);
        DataSet test = TinyData.containsToken(200, 10, 4, 10, 2);
        TrainingResult result = new Trainer(TrainingConfig.epochs(12)).fit(model, TinyData.batches(train, 32), null);
        assertTrue(result.lastLoss() < 0.5 * result.firstLoss(), "loss " + result.firstLoss() + " -> " + result.lastLoss());
        Evaluation eval = new Evaluation(2);
        eval.eval(test.getLabels(), model.output(test.getFeatures(), test.getFeaturesMaskArray()));
        assertTrue(eval.accuracy() > 0.85, "accuracy " + eval.accuracy());
    }

    @Test
    void manyToOneWithPoolingAndStackedBidirectionalLearns() {
        SequenceModel model = Rnn.sequence(InputSpec.tokens(10))
                .embedding(8)
                .simpleRnn(12, o -> o.layers(2).bidirectional())
                .pool(PoolSpec.Pooling.MAX)
                .softmax(2)
                .optimizer(Optimizer.adam(0.02))
                .build();
        DataSet train = TinyData.containsToken(256, 10, 4, 10, 3);
        TrainingResult result = new Trainer(TrainingConfig.epochs(8)).fit(model, TinyData.batches(train, 32), null);
        assertTrue(result.lastLoss() < 0.5 * result.firstLoss(), "loss " + result.firstLoss() + " -> " + result.lastLoss());
    }

    @Test
    void manyToManyLearnsTheSignOfARunningSum() {
        SequenceModel model = Rnn.sequence(InputSpec.features(1))
                .lstm(16)
                .softmax(2)
                .optimizer(Optimizer.adam(0.02))
                .build();
        DataSet train = TinyData.runningSumSign(200, 20, 4);
        DataSet test = TinyData.runningSumSign(100, 20, 5);
        TrainingResult result = new Trainer(TrainingConfig.epochs(10)).fit(model, TinyData.batches(train, 20), null);
        assertTrue(result.lastLoss() < 0.5 * result.firstLoss(), "loss " + result.firstLoss() + " -> " + result.lastLoss());
        Evaluation eval = new Evaluation(2);
        eval.evalTimeSeries(test.getLabels(), model.output(test.getFeatures()));
        assertTrue(eval.accuracy() > 0.85, "accuracy " + eval.accuracy());
    }

    @Test
    void oneToManyGeneratesTheLearnedPatternStepByStep() {
        int[] pattern = {0, 1, 2, 3, 4, 2};
        SequenceModel model = Rnn.sequence(InputSpec.features(5))
                .gru(24)
                .softmax(5)
                .optimizer(Optimizer.adam(0.03))
                .truncatedBptt(8)
                .build();
        DataSet train = TinyData.nextToken(pattern, 5, 64, 24, 6);
        TrainingResult result = new Trainer(TrainingConfig.epochs(15)).fit(model, TinyData.batches(train, 16), null);
        assertTrue(result.lastLoss() < 0.3 * result.firstLoss(), "loss " + result.firstLoss() + " -> " + result.lastLoss());
        // Tokens 0-4 are all symbols here: no reserved ids.
        DecodeOptions options = DecodeOptions.maxLength(9).withTokens(TokenRules.none());
        List<Decoded> generated = Search.greedy().decode(model.stepper(), new int[][] {{0, 1, 2}, {4}}, options);
        assertArrayEquals(new int[] {3, 4, 2, 0, 1, 2, 3, 4, 2}, generated.get(0).tokens());
        assertArrayEquals(new int[] {2, 0, 1, 2, 3, 4, 2, 0, 1}, generated.get(1).tokens());
        SamplingSearch sampling = Search.sampling(0.8).withTopK(2).withSeed(7);
        assertEquals(sampling.decode(model.stepper(), new int[][] {{0}}, options),
                sampling.decode(model.stepper(), new int[][] {{0}}, options), "a seed makes sampling repeatable");
    }

    /** The bidirectional encoder learns the same task in ReadmeExamplesTest. */
    @Test
    void encoderDecoderLearnsToReverseFromTranslationBatches() {
        Seq2SeqData data = Seq2SeqData.reverse(240, 3, 2, 4, 11);
        Seq2SeqModel model = Rnn.encoderDecoder(data.vocabulary.size(), data.vocabulary.size()).embedding(8)
                .lstm(32)
                .optimizer(Optimizer.adam(0.02)).seed(3).build();
        TrainingResult result = new Trainer(TrainingConfig.epochs(30)).fit(model, data.iterator(24, 5), null);
        assertTrue(result.lastLoss() < 0.3 * result.firstLoss(), "loss " + result.firstLoss() + " -> " + result.lastLoss());

        // Exact reversals of 40 unseen sources of 2-4 of 3 letters; guessing gets about 2 in 40 right.
        Seq2SeqData test = data.another(40, 2, 4, 12);
        DecodeOptions options = DecodeOptions.maxLength(6);
        List<Decoded> greedy = Search.greedy().decode(model.stepper(), test.sources(), options);
        List<Decoded> beam = Search.beam(3).decode(model.stepper(), test.sources(), options);
        assertTrue(exact(greedy, test.targets()) >= 30, "greedy reversed " + exact(greedy, test.targets()) + " of 40");
        assertTrue(exact(beam, test.targets()) >= 30, "beam reversed " + exact(beam, test.targets()) + " of 40");
    }

    private static int exact(List<Decoded> decoded, int[][] expected) {
        int correct = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Arrays.equals(decoded.get(i).tokens(), expected[i]) && decoded.get(i).finished()) {
                correct++;
            }
        }
        return correct;
    }
}
