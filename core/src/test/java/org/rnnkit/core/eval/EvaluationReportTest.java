package org.rnnkit.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric checked against values worked out by hand. */
class EvaluationReportTest {

    private static EvaluationReport binary(int[] actual, double... positive) {
        ClassificationCollector c = new ClassificationCollector(List.of("neg", "pos"), false);
        for (int i = 0; i < actual.length; i++) {
            c.add(actual[i], new double[] {1 - positive[i], positive[i]});
        }
        return c.report();
    }

    /*
     * actual:    neg neg pos pos pos     p(pos): 0.2 0.6 0.7 0.4 0.9
     * predicted: neg pos pos neg pos     confusion [[1, 1], [1, 2]]; accuracy 3/5
     * pos: precision 2/3, recall 2/3, F1 2/3; neg: precision 1/2, recall 1/2, F1 1/2; macro F1 7/12.
     * AUC: of the 3 x 2 (pos, neg) pairs the positive scores higher in 5 (only 0.4 < 0.6 fails): 5/6.
     */
    @Test
    void binaryMetricsPerClassAndMacro() {
        EvaluationReport r = binary(new int[] {0, 0, 1, 1, 1}, 0.2, 0.6, 0.7, 0.4, 0.9);
        assertEquals(EvaluationReport.Task.CLASSIFICATION, r.task());
        assertEquals(5, r.examples());
        assertEquals(0.6, r.accuracy(), 1e-12);
        assertEquals(2.0 / 3, r.precision(1), 1e-12);
        assertEquals(2.0 / 3, r.recall(1), 1e-12);
        assertEquals(2.0 / 3, r.f1(1), 1e-12);
        assertEquals(0.5, r.precision(0), 1e-12);
        assertEquals(0.5, r.f1(0), 1e-12);
        assertEquals(7.0 / 12, r.macroF1(), 1e-12);
        assertEquals(5.0 / 6, r.auc(), 1e-12);
        assertArrayEquals(new long[] {1, 1}, r.confusion()[0]);
        assertArrayEquals(new long[] {1, 2}, r.confusion()[1]);
    }

    /*
     * actual a a b b c c, predicted a a b b b a: class c is never predicted.
     * confusion [[2,0,0],[0,2,0],[1,1,0]]; accuracy 4/6.
     * precision a 2/3, b 2/3, c 0 -> macro 4/9; recall a 1, b 1, c 0 -> macro 2/3;
     * F1 a 0.8, b 0.8, c 0 -> macro 1.6/3 (leaving c out, as DL4J's macro F1 did, would say 0.8).
     * AUC one against the rest: a 8/8 and b 8/8 (every positive above every negative);
     * c: positives 0.3, 0.3 against negatives 0.1 0.3 0.1 0.4 -> each wins 2, ties 1, loses 1 = 2.5; 5/8.
     * Macro AUC (1 + 1 + 0.625) / 3.
     */
    @Test
    void aNeverPredictedClassCountsInEveryMacroAverage() {
        double[][] p = {{0.7, 0.2, 0.1}, {0.6, 0.1, 0.3}, {0.2, 0.7, 0.1}, {0.1, 0.5, 0.4}, {0.3, 0.4, 0.3},
                {0.5, 0.2, 0.3}};
        int[] actual = {0, 0, 1, 1, 2, 2};
        ClassificationCollector c = new ClassificationCollector(List.of("a", "b", "c"), false);
        for (int i = 0; i < p.length; i++) {
            c.add(actual[i], p[i]);
        }
        EvaluationReport r = c.report();
        assertEquals(4.0 / 6, r.accuracy(), 1e-12);
        assertEquals(0, r.precision(2), 1e-12);
        assertEquals(0, r.recall(2), 1e-12);
        assertEquals(4.0 / 9, r.macroPrecision(), 1e-12);
        assertEquals(2.0 / 3, r.macroRecall(), 1e-12);
        assertEquals(1.6 / 3, r.macroF1(), 1e-12);
        assertEquals(2.625 / 3, r.auc(), 1e-12);
        assertEquals(2, r.support(2));
        assertArrayEquals(new long[] {1, 1, 0}, r.confusion()[2]);
    }

    /* A class with neither examples nor predictions has no defined metrics: averages leave it out. */
    @Test
    void aClassAbsentFromDataAndPredictionsIsLeftOutOfAverages() {
        ClassificationCollector c = new ClassificationCollector(List.of("a", "b", "c"), false);
        c.add(0, new double[] {0.9, 0.1, 0}).add(1, new double[] {0.2, 0.8, 0}).add(1, new double[] {0.6, 0.4, 0});
        EvaluationReport r = c.report();
        // a: precision 1/2, recall 1, F1 2/3; b: precision 1, recall 1/2, F1 2/3
        assertEquals(2.0 / 3, r.macroF1(), 1e-12);
        assertEquals(0.75, r.macroPrecision(), 1e-12);
        // a vs rest: 0.9 above 0.2 and 0.6 -> 1; b vs rest: 0.8 and 0.4 against 0.1 -> 1; c has no examples
        assertEquals(1.0, r.auc(), 1e-12);
    }

    @Test
    void taggingCountsStepsAndSequences() {
        ClassificationCollector c = new ClassificationCollector(List.of("x", "y"), true);
        c.sequence().add(0, new double[] {0.9, 0.1}).add(1, new double[] {0.8, 0.2});
        c.sequence().add(1, new double[] {0.3, 0.7});
        EvaluationReport r = c.report();
        assertEquals(EvaluationReport.Task.TAGGING, r.task());
        assertEquals(2, r.examples());
        assertEquals(3, r.units());
        assertEquals(2.0 / 3, r.accuracy(), 1e-12);
    }

    /*
     * predicted [1, 2], [3, 5]; actual [1, 3], [2, 5]: errors 0, -1, 1, 0 -> MSE 2/4, MAE 2/4.
     * Predicting the mean: target 0 values 1, 2 (variance 0.25), target 1 values 3, 5 (variance 1) -> 0.625.
     */
    @Test
    void regressionErrorsAndMeanBaseline() {
        EvaluationReport r = new RegressionCollector().add(new double[] {1, 2}, new double[] {1, 3})
                .add(new double[] {3, 5}, new double[] {2, 5}).report();
        assertEquals(EvaluationReport.Task.REGRESSION, r.task());
        assertEquals(2, r.examples());
        assertEquals(4, r.units());
        assertEquals(0.5, r.mse(), 1e-12);
        assertEquals(0.5, r.mae(), 1e-12);
        assertEquals(0.625, r.baselineMse(), 1e-12);
    }

    /* Probabilities 1/2 and 1/4 of the actual tokens: 1.5 bits per token, perplexity 2^1.5. */
    @Test
    void languageModelPerplexityAndBits() {
        EvaluationReport r = new LanguageModelCollector().sequence().add(0.5).add(0.25).report();
        assertEquals(1.5, r.bitsPerToken(), 1e-12);
        assertEquals(Math.pow(2, 1.5), r.perplexity(), 1e-12);
        assertEquals(1.5 * Math.log(2), r.crossEntropy(), 1e-12);
        assertEquals(2, r.units());
    }

    /* actual pos pos pos, predicted pos neg pos: neg has a prediction, so its F1 of 0 counts in the macro. */
    @Test
    void jsonHoldsEveryMetricAndNullWhenUndefined() throws Exception {
        EvaluationReport r = binary(new int[] {1, 1, 1}, 0.9, 0.3, 0.8);
        assertTrue(Double.isNaN(r.auc()), "AUC needs both classes");
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertEquals("classification", json.get("task").asText());
        assertEquals(2.0 / 3, json.get("accuracy").asDouble(), 1e-12);
        assertTrue(json.get("auc").isNull());
        assertEquals(1.0, json.get("classes").get(1).get("precision").asDouble(), 1e-12);
        assertEquals(0.8, json.get("classes").get(1).get("f1").asDouble(), 1e-12);
        assertEquals(0.4, json.get("macro").get("f1").asDouble(), 1e-12);
        assertEquals("[[0,0],[1,2]]", json.get("confusion").get("counts").toString());
        assertTrue(r.toText().contains("accuracy   0.6667"), r.toText());
        JsonNode regression = new ObjectMapper().readTree(new RegressionCollector()
                .add(new double[] {1}, new double[] {2}).report().toJson());
        assertEquals(1.0, regression.get("mse").asDouble(), 1e-12);
        assertEquals(0.0, regression.get("baselineMse").asDouble(), 1e-12);
    }

    @Test
    void misuseIsAClearError() {
        EvaluationReport r = binary(new int[] {0, 1}, 0.2, 0.7);
        r.confusion()[0][0] = 99;
        assertEquals(1, r.count(0, 0), "the report's matrix cannot be changed from outside");
        IllegalStateException e = assertThrows(IllegalStateException.class, r::mse);
        assertTrue(e.getMessage().contains("MSE") && e.getMessage().contains("classification"), e.getMessage());
        ClassificationCollector c = new ClassificationCollector(List.of("neg", "pos"), false);
        assertThrows(IllegalArgumentException.class, () -> c.add(0, new double[] {1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> c.add(2, new double[] {1, 0}));
        assertThrows(IllegalStateException.class, c::report);
        assertThrows(IllegalArgumentException.class, () -> new ClassificationCollector(List.of("only"), false));
    }
}
