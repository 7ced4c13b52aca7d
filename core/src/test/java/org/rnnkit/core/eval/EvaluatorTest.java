package org.rnnkit.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.tasks.AddingProblem;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.TokenSequenceIterator;

/** A model evaluated on an iterator directly: the report equals the numbers worked out from its raw outputs. */
class EvaluatorTest {

    private static final List<int[]> SEQUENCES = List.of(new int[] {1, 2, 3, 4}, new int[] {4, 3}, new int[] {2, 2, 2});

    private static SequenceModel languageModel() {
        return Rnn.sequence(InputSpec.tokens(5)).embedding(4).lstm(6).softmax(5).seed(9).build();
    }

    /* Next-token pairs: (1,2) (2,3) (3,4) | (4,3) | (2,2) (2,2): six real steps; padding must not count. */
    @Test
    void perplexityIsTheMeanLikelihoodOfTheRealNextTokens() {
        SequenceModel model = languageModel();
        TokenSequenceIterator data = new TokenSequenceIterator(SEQUENCES, 5, TokenEncoding.INDEX, TokenEncoding.INDEX,
                BatchPlan.sequential(3));
        EvaluationReport report = Evaluator.languageModel(model, data);
        data.reset();
        DataSet batch = data.next();
        INDArray p = model.output(batch.getFeatures(), batch.getFeaturesMaskArray());
        double nll = 0;
        int steps = 0;
        for (int i = 0; i < SEQUENCES.size(); i++) {
            int[] s = SEQUENCES.get(i);
            for (int t = 0; t + 1 < s.length; t++) {
                nll -= Math.log(p.getDouble(i, s[t + 1], t));
                steps++;
            }
        }
        assertEquals(6, steps);
        assertEquals(6, report.units());
        assertEquals(3, report.examples());
        assertEquals(nll / steps, report.crossEntropy(), 1e-6);
        assertEquals(Math.exp(nll / steps), report.perplexity(), 1e-5);
        assertEquals(nll / steps / Math.log(2), report.bitsPerToken(), 1e-6);
        // an untrained model over 5 tokens is about as unsure as a uniform guess
        assertTrue(report.perplexity() > 3 && report.perplexity() < 7, report.toText());
    }

    /* A linear head is a regressor: MSE, MAE and the baseline from the outputs and labels worked out here. */
    @Test
    void regressionFromTheModelsOutputs() {
        SequenceDataset data = AddingProblem.generate(12, 6, 3);
        SequenceModel model = Rnn.sequence(InputSpec.features(2)).gru(4).lastStep().regression(1).seed(2).build();
        EvaluationReport report = Evaluator.evaluate(model, data.iterator(BatchPlan.sequential(5)));
        DataSet all = data.iterator(BatchPlan.sequential(12)).next();
        INDArray out = model.output(all.getFeatures(), all.getFeaturesMaskArray());
        double squared = 0;
        double absolute = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < 12; i++) {
            double y = all.getLabels().getDouble(i, 0);
            double e = out.getDouble(i, 0) - y;
            squared += e * e;
            absolute += Math.abs(e);
            sum += y;
            sumSquares += y * y;
        }
        assertEquals(EvaluationReport.Task.REGRESSION, report.task());
        assertEquals(12, report.examples());
        assertEquals(squared / 12, report.mse(), 1e-6);
        assertEquals(absolute / 12, report.mae(), 1e-6);
        assertEquals(sumSquares / 12 - (sum / 12) * (sum / 12), report.baselineMse(), 1e-6);
    }

    @Test
    void dataThatDoesNotFitTheModelIsAClearError() {
        SequenceModel manyToOne = Rnn.sequence(InputSpec.tokens(5)).embedding(4).lstm(6).lastStep().softmax(3)
                .build();
        TokenSequenceIterator data = new TokenSequenceIterator(SEQUENCES, 5, TokenEncoding.INDEX,
                TokenEncoding.ONE_HOT, BatchPlan.sequential(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.evaluate(manyToOne, data));
        assertTrue(e.getMessage().contains("5 label columns") && e.getMessage().contains("3 outputs"),
                e.getMessage());
    }
}
