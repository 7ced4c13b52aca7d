package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Merge;
import org.rnnkit.core.spec.RecurrentSpec;
import org.rnnkit.core.spec.PoolSpec;

/** Padding never changes the result for the real steps: a padded batch equals each sequence run alone. */
class MaskingTest {
    private static final int FEATURES = 3;
    private static final int[] LENGTHS = {7, 3, 5};
    private static final int MAX = 7;

    enum Head { LAST_STEP, MAX_POOL, AVG_POOL, PER_STEP }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Cell cell : Cell.values()) {
            for (boolean bidirectional : new boolean[] {false, true}) {
                for (Head head : Head.values()) {
                    all.add(Arguments.of(cell, bidirectional, head));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} bidirectional={1} {2}")
    @MethodSource("cases")
    void paddingIsInvisible(Cell cell, boolean bidirectional, Head head) {
        SequenceBuilder b = Rnn.sequence(InputSpec.features(FEATURES)).seed(5);
        b.layer(new RecurrentSpec(cell, 6, 2, bidirectional ? Merge.CONCAT : null, 0, null, false, true));
        switch (head) {
            case LAST_STEP -> b.lastStep();
            case MAX_POOL -> b.pool(PoolSpec.Pooling.MAX);
            case AVG_POOL -> b.pool(PoolSpec.Pooling.AVG);
            case PER_STEP -> { }
        }
        SequenceModel model = b.dense(5).softmax(4).build();
        model.network().setParams(model.network().params().addi(Nd4j.rand(DataType.FLOAT, model.network().params().shape()).subi(0.5)));

        Random random = new Random(1);
        INDArray batch = Nd4j.zeros(DataType.FLOAT, LENGTHS.length, FEATURES, MAX);
        INDArray mask = Nd4j.zeros(DataType.FLOAT, LENGTHS.length, MAX);
        for (int i = 0; i < LENGTHS.length; i++) {
            for (int t = 0; t < MAX; t++) {
                for (int f = 0; f < FEATURES; f++) {
                    // Junk of a different scale in the padding: it must not leak into the real steps.
                    batch.putScalar(new int[] {i, f, t}, t < LENGTHS[i] ? random.nextGaussian() : 50 * random.nextGaussian());
                }
                mask.putScalar(i, t, t < LENGTHS[i] ? 1 : 0);
            }
        }
        INDArray padded = model.output(batch, mask);
        for (int i = 0; i < LENGTHS.length; i++) {
            INDArray alone = model.output(batch.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all(),
                    NDArrayIndex.interval(0, LENGTHS[i])).dup());
            INDArray fromBatch = head == Head.PER_STEP
                    ? padded.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all(), NDArrayIndex.interval(0, LENGTHS[i]))
                    : padded.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all());
            double diff = alone.sub(fromBatch).amaxNumber().doubleValue();
            assertEquals(0, diff, 1e-5, "sequence " + i + " differs by " + diff);
        }
    }
}
