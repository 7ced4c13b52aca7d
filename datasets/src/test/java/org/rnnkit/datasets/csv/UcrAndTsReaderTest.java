package org.rnnkit.datasets.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.RecordErrors;
import org.rnnkit.datasets.SequenceDataset;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnkit.datasets.BadInput.expect;
import static org.rnnkit.datasets.BadInput.write;
import static org.rnnkit.datasets.BadInput.writeWithBadByte;

class UcrAndTsReaderTest {

    private static final String TS_HEADER = "# comment\n@problemName Demo\n@dimensions 2\n@equalLength false\n"
            + "@classLabel true walk run\n@data\n";

    @TempDir
    Path dir;

    @Test
    void ucrWhitespaceAndCommaSeparated() throws Exception {
        Path ws = write(dir, "A_TRAIN.txt", "  -1.0000000e+00   5.0e-01   1.0e+00\n   1.0000000e+00   2.0e+00   3.0e+00\n");
        SequenceDataset ds = UcrReader.read(ws);
        assertEquals(LabelSet.of("-1", "1"), ds.classes().orElseThrow());
        assertEquals(2, ds.examples().get(0).length());
        assertArrayEquals(new int[]{1, 1}, ds.classCounts());
        Path comma = write(dir, "B.csv", "2,0.1,0.2,0.3\n1,0.4,0.5,0.6\n");
        assertEquals(3, UcrReader.read(comma).examples().get(0).length());
    }

    @Test
    void ucrTestFileWithOneClassKeepsTheTrainingClasses() throws Exception {
        Path train = write(dir, "C_TRAIN.txt", "1 0.1 0.2\n2 0.3 0.4\n3 0.5 0.6\n");
        Path test = write(dir, "C_TEST.txt", "2 0.7 0.8\n2 0.9 1.0\n");
        SequenceDataset trainData = UcrReader.read(train);
        SequenceDataset testData = UcrReader.read(test, trainData.classes().orElseThrow());
        assertEquals(trainData.classes(), testData.classes());
        assertEquals(3, testData.numOutcomes());
        assertArrayEquals(new int[]{0, 2, 0}, testData.classCounts());
        DataSet batch = testData.iterator(BatchPlan.sequential(2)).next();
        assertArrayEquals(new long[]{2, 3}, batch.getLabels().shape(), "labels as wide as the training classes");
    }

    @Test
    void ucrBadInputs() throws Exception {
        Path empty = write(dir, "empty.txt", "\n\n");
        expect(empty, "file", "at least one series", () -> UcrReader.read(empty));
        Path ragged = write(dir, "ragged.txt", "1 0.1 0.2\n2 0.1\n");
        expect(ragged, "line 2", "2 values like the first series", () -> UcrReader.read(ragged));
        Path text = write(dir, "text.txt", "1 0.1 abc\n");
        expect(text, "line 1, field 3", "a number", () -> UcrReader.read(text));
        Path badLabel = write(dir, "label.txt", "pos 0.1 0.2\n");
        expect(badLabel, "line 1, field 1", "a number", () -> UcrReader.read(badLabel));
        Path outside = write(dir, "outside.txt", "3 0.1 0.2\n");
        expect(outside, "line 1, field 1", "one of the classes",
                () -> UcrReader.read(outside, LabelSet.of("1", "2"), RecordErrors.failFast()));
        Path bin = writeWithBadByte(dir, "bin.txt", "1 0.1 0.2\n1 0.3 0.4\n2 0.", "5 0.6\n");
        expect(bin, "line 3", "UTF-8", () -> UcrReader.read(bin));
    }

    @Test
    void ucrSkipsBadLinesOnlyWhenAskedAndReportsThem() throws Exception {
        Path f = write(dir, "skip.txt", "1 0.1 0.2\n2 0.1 x\n2 0.3 0.4\n");
        RecordErrors errors = RecordErrors.skipAndCollect();
        SequenceDataset ds = UcrReader.read(f, null, errors);
        assertEquals(2, ds.size());
        assertEquals(1, errors.count());
        assertTrue(errors.report().contains("line 2, field 3"), errors.report());
    }

    @Test
    void tsVariableLengthMultivariate() throws Exception {
        Path f = write(dir, "demo.ts", TS_HEADER + "1,2,3:4,5,6:run\n7,8:9,10:walk\n");
        SequenceDataset ds = TsReader.read(f);
        assertEquals(2, ds.size());
        assertEquals(2, ds.numFeatures());
        assertArrayEquals(new int[]{2, 3}, ds.lengthRange());
        DataSet b = ds.iterator(BatchPlan.sequential(2)).next();
        assertArrayEquals(new long[]{2, 2, 3}, b.getFeatures().shape());
        assertEquals(6f, b.getFeatures().getFloat(0, 1, 2));
        assertEquals(0f, b.getFeaturesMaskArray().getFloat(1, 2));
        assertEquals(1f, b.getLabels().getFloat(0, 1));
        assertEquals(1f, b.getLabels().getFloat(1, 0));
    }

    @Test
    void tsBadInputs() throws Exception {
        Path empty = write(dir, "empty.ts", "");
        expect(empty, "file", "@classLabel", () -> TsReader.read(empty));
        Path noData = write(dir, "nodata.ts", TS_HEADER);
        expect(noData, "file", "at least one case", () -> TsReader.read(noData));
        Path ragged = write(dir, "ragged.ts", TS_HEADER + "1,2,3:4,5:run\n");
        expect(ragged, "line 7", "channel 2 with 3 values", () -> TsReader.read(ragged));
        Path dims = write(dir, "dims.ts", TS_HEADER + "1,2,3:run\n");
        expect(dims, "line 7", "2 channels", () -> TsReader.read(dims));
        Path missing = write(dir, "missing.ts", TS_HEADER + "1,?,3:4,5,6:run\n");
        expect(missing, "line 7, field 2", "a number", () -> TsReader.read(missing));
        Path noLabel = write(dir, "nolabel.ts", TS_HEADER + "1,2,3:4,5,6\n");
        expect(noLabel, "line 7", "a class label among [walk, run]", () -> TsReader.read(noLabel));
        Path badLabel = write(dir, "badlabel.ts", TS_HEADER + "1,2,3:4,5,6:swim\n");
        expect(badLabel, "line 7", "found \"swim\"", () -> TsReader.read(badLabel));
        Path bin = writeWithBadByte(dir, "bin.ts", TS_HEADER + "1,2:3,4:run\n1,2:3,", "4:run\n");
        expect(bin, "line 8", "UTF-8", () -> TsReader.read(bin));
        Path stamped = write(dir, "stamped.ts", "@timeStamps true\n" + TS_HEADER);
        expect(stamped, "line 1", "time-stamped", () -> TsReader.read(stamped));
        Path noFile = dir.resolve("none.ts");
        expect(noFile, "file", "an existing file", () -> TsReader.read(noFile));
    }

    @Test
    void controlChartBlocksGiveLabels() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(i).append(' ').append(i + 0.5).append('\n');
        }
        SequenceDataset ds = ControlChartFile.read(write(dir, "cc.data", sb.toString()));
        assertArrayEquals(new int[]{2, 2, 2, 2, 2, 2}, ds.classCounts());
        assertEquals(1f, ds.examples().get(11).labels()[0][5]);
        Path seven = write(dir, "seven.data", "1 2\n".repeat(7));
        expect(seven, "file", "multiple of 6", () -> ControlChartFile.read(seven));
        Path ragged = write(dir, "ragged.data", "1 2\n3\n");
        expect(ragged, "line 2", "2 values", () -> ControlChartFile.read(ragged));
    }
}
