package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.datasets.csv.ControlChartFile;
import org.rnnkit.datasets.csv.TsReader;

/** The language-model task on a small text, and the tasks on the real data sets (skipped where they are absent). */
class RealDataTasksTest {
    private static final Path SHARED = Path.of("../../shared/data");

    @Test
    void languageModelScoresAUniformModelAtLog2OfTheVocabulary(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("text.txt");
        Files.writeString(text, "abcabcabcaab".repeat(40)); // 480 characters: a 200, b 160, c 120
        CharLanguageModelBench task = new CharLanguageModelBench(text);
        assertFalse(task.allowsBidirectional());
        TaskInstance lm = task.prepare(8, 1);
        assertEquals(3, lm.signature().outputs());
        // Entropy of the first 90% (432 characters: a 180, b 144, c 108).
        double h = 0;
        for (double c : new double[] {180, 144, 108}) {
            h -= c / 432 * Math.log(c / 432) / Math.log(2);
        }
        assertEquals(h, lm.metric().baseline(), 1e-9);

        SequenceModel model = SequenceModel.create(CellVariants.gru().spec(lm.signature(), 4, Optimizer.adam(1e-3), 1));
        model.network().params().assign(0);
        assertEquals(Math.log(3) / Math.log(2), lm.evaluate(model).score(), 1e-6);

        DataSetIterator block = lm.trainingBlock(0, 2, 5);
        DataSet first = block.next();
        assertEquals(5, first.numExamples());
        assertEquals(8, first.getFeatures().size(2));
        assertTrue(block.hasNext());
        assertThrows(IllegalArgumentException.class, () -> task.prepare(60, 1), "windows longer than the held-out part");
    }

    @Test
    void japaneseVowels() throws IOException {
        assumeTrue(Files.isDirectory(SHARED.resolve("japanese-vowels")), "no ../shared/data here");
        TaskInstance vowels = new JapaneseVowelsBench(SHARED.resolve("japanese-vowels")).prepare(29, 0);
        assertEquals(12, vowels.signature().input().size());
        assertEquals(9, vowels.signature().outputs());
        int heldOut = 0;
        for (DataSetIterator it = vowels.heldOut(); it.hasNext(); ) {
            heldOut += it.next().numExamples();
        }
        assertEquals(TsReader.read(SHARED.resolve("japanese-vowels/JapaneseVowels_TEST.ts")).size(), heldOut,
                "the whole test file is held out");
        assertTrue(vowels.metric().baseline() > 1.0 / 9 && vowels.metric().baseline() < 0.25);
    }

    @Test
    void uciControlCharts() throws IOException {
        Path file = SHARED.resolve("synthetic-control/synthetic_control.data");
        assumeTrue(Files.isRegularFile(file), "no ../shared/data here");
        TaskInstance control = ControlChartBench.fromFile(file).prepare(60, 0);
        int heldOut = 0;
        for (DataSetIterator it = control.heldOut(); it.hasNext(); ) {
            heldOut += it.next().numExamples();
        }
        assertEquals(Math.round(0.2 * ControlChartFile.read(file).size()), heldOut, "a 20% split is held out");
        assertThrows(IllegalArgumentException.class, () -> ControlChartBench.fromFile(file).prepare(50, 0));
    }
}
