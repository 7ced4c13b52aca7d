package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model saved by rnnkit before its recurrent layers were rewritten (GRU, LSTM, SimpleRnn, bidirectional GRU and
 * LSTM, trained one step; made by {@code saved/MakeModel.java.txt}) loads and gives the outputs it gave then.
 */
class SavedBeforeIssue9Test {

    private static float[] floats(String line) {
        String[] parts = line.substring(1, line.length() - 1).split(", ");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }

    @Test
    void loadsAndGivesTheSameOutputs() throws Exception {
        Path dir = Path.of(getClass().getResource("/saved/saved-before-issue9.zip").toURI()).getParent();
        List<String> lines = Files.readAllLines(dir.resolve("saved-before-issue9.txt"));
        INDArray x = Nd4j.create(floats(lines.get(0)), new long[] {3, 3, 5}, 'c');
        INDArray mask = Nd4j.create(floats(lines.get(1)), new long[] {3, 5}, 'c');
        INDArray expected = Nd4j.create(floats(lines.get(2)), new long[] {3, 2, 5}, 'c');
        SequenceModel model = SequenceModel.load(dir.resolve("saved-before-issue9.zip"));
        INDArray out = model.output(x.castTo(DataType.FLOAT), mask.castTo(DataType.FLOAT));
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(out.shape()));
        double diff = expected.sub(out.castTo(DataType.FLOAT)).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "max |diff| " + diff);
    }
}
