package org.rnnkit.datasets.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceDataset;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnnkit.datasets.BadInput.expect;
import static org.rnnkit.datasets.BadInput.write;
import static org.rnnkit.datasets.BadInput.writeWithBadByte;

class CsvSequenceReaderTest {

    @TempDir
    Path dir;

    @Test
    void oneFilePerSequenceWithPerSequenceLabels() throws Exception {
        Path a = write(dir, "a.csv", "t,x,label\n1,0.5,up\n2,0.7,up\n3,0.9,up\n");
        Path b = write(dir, "b.csv", "t,x,label\n1,0.5,down\n2,0.1,down\n");
        SequenceDataset ds = CsvSequenceReader.create().withHeaderLines(1).readFiles(List.of(a, b));
        assertEquals(2, ds.size());
        assertEquals(2, ds.numFeatures());
        assertEquals(LabelSet.of("down", "up"), ds.classes().orElseThrow());
        DataSet batch = ds.iterator(BatchPlan.sequential(2)).next();
        assertArrayEquals(new long[]{2, 2, 3}, batch.getFeatures().shape());
        assertArrayEquals(new long[]{2, 2}, batch.getLabels().shape());
        assertEquals(1f, batch.getLabels().getFloat(0, 1));
        assertEquals(0f, batch.getFeaturesMaskArray().getFloat(1, 2));
        assertEquals(0.9f, batch.getFeatures().getFloat(0, 1, 2), 1e-6);
    }

    @Test
    void groupedByIdColumnWithPerStepLabels() throws Exception {
        Path f = write(dir, "g.csv", "s1,1.0,0\ns2,5.0,1\ns1,2.0,1\ns2,6.0,1\ns2,7.0,0\n");
        SequenceDataset ds = CsvSequenceReader.create().withIdColumn(0).withPerStepLabels(true).readGrouped(f);
        assertEquals(2, ds.size());
        assertEquals(2, ds.examples().get(0).length());
        assertEquals(3, ds.examples().get(1).length());
        DataSet batch = ds.iterator(BatchPlan.sequential(2)).next();
        assertArrayEquals(new long[]{2, 2, 3}, batch.getLabels().shape());
        assertEquals(1f, batch.getLabels().getFloat(0, 1, 1));
        assertEquals(0f, batch.getLabelsMaskArray().getFloat(0, 2));
        assertEquals(7f, batch.getFeatures().getFloat(1, 0, 2));
    }

    @Test
    void quotedFieldsViaDataVecParser() throws Exception {
        Path f = write(dir, "q.csv", "\"1.5\",\"a,b\"\n2.5,\"a,b\"\n");
        SequenceDataset ds = CsvSequenceReader.create().readFiles(List.of(f));
        assertEquals("a,b", ds.classes().orElseThrow().name(0));
    }

    @Test
    void badInputsNameFileLineAndExpectation() throws Exception {
        CsvSequenceReader r = CsvSequenceReader.create();
        Path empty = write(dir, "empty.csv", "");
        expect(empty, "file", "at least one data row", () -> r.readFiles(List.of(empty)));
        Path missing = dir.resolve("missing.csv");
        expect(missing, "file", "an existing file", () -> r.readFiles(List.of(missing)));
        Path ragged = write(dir, "ragged.csv", "1,2,a\n3,a\n");
        expect(ragged, "line 2", "3 fields", () -> r.readFiles(List.of(ragged)));
        Path text = write(dir, "text.csv", "1,2,a\n3,x4,a\n");
        expect(text, "line 2, field 2", "a number", () -> r.readFiles(List.of(text)));
        Path nan = write(dir, "nan.csv", "1,NaN,a\n");
        expect(nan, "line 1, field 2", "a finite number", () -> r.readFiles(List.of(nan)));
        Path noLabel = write(dir, "nolabel.csv", "1,2,a\n3,4,\n");
        expect(noLabel, "line 2, field 3", "a class label", () -> r.readFiles(List.of(noLabel)));
        Path unknown = write(dir, "unknown.csv", "1,2,c\n");
        expect(unknown, "line 1, field 3", "one of the classes [a, b]",
                () -> r.withClasses(LabelSet.of("a", "b")).readFiles(List.of(unknown)));
        Path mixed = write(dir, "mixed.csv", "1,2,a\n3,4,b\n");
        expect(mixed, "line 2", "the sequence's label \"a\"", () -> r.readFiles(List.of(mixed)));
        Path binary = writeWithBadByte(dir, "bin.csv", "1,2,a\n3,", "4,a\n");
        expect(binary, "line 2", "UTF-8", () -> r.readFiles(List.of(binary)));
    }
}
