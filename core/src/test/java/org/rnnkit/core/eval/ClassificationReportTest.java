package org.rnnkit.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Metrics checked against counts worked out by hand. */
class ClassificationReportTest {

    private static INDArray oneHot(int classes, int... labels) {
        INDArray out = Nd4j.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            out.putScalar(i, labels[i], 1.0);
        }
        return out;
    }

    private static INDArray binaryProbabilities(double... positive) {
        INDArray out = Nd4j.zeros(positive.length, 2);
        for (int i = 0; i < positive.length; i++) {
            out.putScalar(i, 0, 1 - positive[i]);
            out.putScalar(i, 1, positive[i]);
        }
        return out;
    }

    /*
     * actual:    neg neg pos pos pos     p(pos): 0.2 0.6 0.7 0.4 0.9
     * predicted: neg pos pos neg pos
     * confusion [[1, 1], [1, 2]]; accuracy 3/5; precision(pos) 2/3; recall(pos) 2/3; F1 2/3.
     * AUC: of the 3 x 2 (pos, neg) pairs, the positive scores higher in 5 (only 0.4 < 0.6 fails): 5/6.
     */
    @Test
    void binaryMetricsMatchHandComputedValues() {
        ClassificationReport r = ClassificationReport.collector(List.of("neg", "pos"))
                .add(oneHot(2, 0, 0, 1), binaryProbabilities(0.2, 0.6, 0.7))
                .add(oneHot(2, 1, 1), binaryProbabilities(0.4, 0.9))
                .report();
        assertEquals(5, r.examples());
        assertEquals(0.6, r.accuracy(), 1e-9);
        assertEquals(2.0 / 3, r.precision(), 1e-9);
        assertEquals(2.0 / 3, r.recall(), 1e-9);
        assertEquals(2.0 / 3, r.f1(), 1e-9);
        assertEquals(5.0 / 6, r.auc(), 1e-9);
        assertArrayEquals(new long[] {1, 1}, r.confusion()[0]);
        assertArrayEquals(new long[] {1, 2}, r.confusion()[1]);
        assertTrue(r.binary());
    }

    /*
     * actual:    a a b b c c     predicted (argmax): a b b b c a
     * confusion [[1,1,0],[0,2,0],[1,0,1]]; accuracy 4/6.
     * precision: a 1/2, b 2/3, c 1/1 -> macro 13/18; recall: a 1/2, b 2/2, c 1/2 -> macro 2/3.
     * F1: a 1/2, b 4/5, c 2/3 -> macro (0.5 + 0.8 + 0.6667) / 3.
     */
    @Test
    void multiClassMetricsAreMacroAverages() {
        INDArray probabilities = Nd4j.createFromArray(new double[][] {
                {0.8, 0.1, 0.1}, {0.3, 0.6, 0.1}, {0.1, 0.7, 0.2}, {0.2, 0.5, 0.3}, {0.1, 0.2, 0.7}, {0.5, 0.2, 0.3}});
        ClassificationReport r = ClassificationReport.collector(List.of("a", "b", "c"))
                .add(oneHot(3, 0, 0, 1, 1, 2, 2), probabilities).report();
        assertEquals(4.0 / 6, r.accuracy(), 1e-9);
        assertEquals(13.0 / 18, r.precision(), 1e-9);
        assertEquals(2.0 / 3, r.recall(), 1e-9);
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, r.f1(), 1e-9);
        assertEquals(1, r.count(2, 0));
        assertTrue(r.auc() > 0.5 && r.auc() <= 1, "auc " + r.auc());
    }

    @Test
    void jsonHasEveryMetricAndNullForUndefinedAuc() throws Exception {
        ClassificationReport r = ClassificationReport.collector(List.of("neg", "pos"))
                .add(oneHot(2, 1, 1, 1), binaryProbabilities(0.9, 0.3, 0.8)).report();
        assertTrue(Double.isNaN(r.auc()), "AUC needs both classes");
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertEquals(3, json.get("examples").asInt());
        assertEquals(2.0 / 3, json.get("accuracy").asDouble(), 1e-9);
        assertEquals(1.0, json.get("precision").asDouble(), 1e-9);
        assertEquals(2.0 / 3, json.get("recall").asDouble(), 1e-9);
        assertEquals(0.8, json.get("f1").asDouble(), 1e-9);
        assertTrue(json.get("auc").isNull());
        assertEquals("[[0,0],[1,2]]", json.get("confusion").get("counts").toString());
        assertTrue(r.toText().contains("accuracy   0.6667"), r.toText());
    }

    @Test
    void rejectsMismatchedShapesAndEmptyReports() {
        ClassificationReport.Collector c = ClassificationReport.collector(List.of("neg", "pos"));
        assertThrows(IllegalArgumentException.class, () -> c.add(oneHot(3, 0), Nd4j.zeros(1, 3)));
        assertThrows(IllegalStateException.class, c::report);
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.collector(List.of("only")));
    }
}
