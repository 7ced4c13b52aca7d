package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.eval.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.rnnkit.core.generate.Sampling;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.builder.Seq2SeqBuilder;
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
        int[] generated = model.generator().generate(new int[] {0, 1, 2}, 9, Sampling.greedy(), 0);
        assertArrayEquals(new int[] {3, 4, 2, 0, 1, 2, 3, 4, 2}, generated);
        int[] sampled = model.generator().generate(new int[] {0}, 20, Sampling.topK(2, 0.8), 7);
        assertArrayEquals(sampled, model.generator().generate(new int[] {0}, 20, Sampling.topK(2, 0.8), 7),
                "a seed makes sampling repeatable");
    }

    @Test
    void encoderDecoderLearnsToReverseAndDecodesStepwise() {
        int vocab = 6; // 0 pad, 1 BOS, 2 EOS, 3..5 symbols
        int n = 240;
        Seq2SeqModel model = Rnn.encoderDecoder(vocab, vocab).embedding(8).lstm(32)
                .optimizer(Optimizer.adam(0.02)).seed(3).build();
        Seq2SeqData data = Seq2SeqData.reverse(n, vocab, 2, 4, 11);
        TrainingResult result = new Trainer(TrainingConfig.epochs(25)).fit(model, data.iterator(24), null);
        assertTrue(result.lastLoss() < 0.3 * result.firstLoss(), "loss " + result.firstLoss() + " -> " + result.lastLoss());

        // Step-wise decoding reproduces the teacher-forced argmax when fed the true prefix.
        Seq2SeqData test = Seq2SeqData.reverse(40, vocab, 2, 4, 12);
        int[][] decoded = model.decode(test.source, test.sourceMask, 1, 2, 6, Sampling.greedy(), 0);
        int correct = 0;
        for (int i = 0; i < 40; i++) {
            if (java.util.Arrays.equals(decoded[i], test.expected[i])) {
                correct++;
            }
        }
        assertTrue(correct >= 30, "exactly reversed " + correct + " of 40");
    }

    @ParameterizedTest
    @EnumSource(Cell.class)
    void stepwiseDecoderMatchesTeacherForcedOutput(Cell cell) {
        Seq2SeqBuilder builder = Rnn.encoderDecoder(7, 5).embedding(4).seed(9);
        switch (cell) {
            case LSTM -> builder.lstm(8, o -> o.layers(2));
            case GRU -> builder.gru(8, o -> o.layers(2));
            case SIMPLE_RNN -> builder.simpleRnn(8, o -> o.layers(2));
        }
        Seq2SeqModel model = builder.build();
        INDArray source = Nd4j.createFromArray(new float[][][] {{{3, 4, 5, 6}}});
        INDArray sourceMask = Nd4j.createFromArray(new float[][] {{1, 1, 1, 0}});
        int[] greedy = model.decode(source, sourceMask, 1, -1, 4, Sampling.greedy(), 0)[0];
        float[] prefix = new float[4];
        prefix[0] = 1;
        for (int t = 1; t < 4; t++) {
            prefix[t] = greedy[t - 1];
        }
        INDArray forced = model.output(source, sourceMask, Nd4j.create(prefix, 1, 1, 4), null);
        for (int t = 0; t < 4; t++) {
            int argmax = forced.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(t))
                    .argMax().getInt(0);
            assertEquals(argmax, greedy[t], "step " + t);
        }
        assertEquals(DataType.FLOAT, forced.dataType());
    }
}
