package org.rnnkit.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.datasets.LabelSet;

/** Token-id input: batching by length, padding and masks invisible in the results; the one-file round trip. */
class TokenClassifierTest {

    @TempDir
    Path dir;

    @Test
    void batchedPredictionsEqualSingleOnesAndSurviveSaveAndLoad() throws Exception {
        SequenceModel model = Rnn.sequence(InputSpec.tokens(12)).embedding(6).gru(8, o -> o.bidirectional())
                .pool(org.rnnkit.core.spec.PoolSpec.Pooling.MAX).softmax(3).seed(4).build();
        TokenClassifier classifier = TokenClassifier.of(model, LabelSet.of("a", "b", "c"));
        Random r = new Random(1);
        List<int[]> inputs = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 150; i++) { // more than one internal batch, lengths 1..20
            int[] tokens = new int[1 + r.nextInt(20)];
            for (int t = 0; t < tokens.length; t++) {
                tokens[t] = r.nextInt(12);
            }
            inputs.add(tokens);
            targets.add(List.of("a", "b", "c").get(i % 3));
        }
        List<Classification> batched = classifier.predict(inputs);
        int right = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Classification alone = classifier.predict(inputs.get(i));
            assertEquals(alone.label(), batched.get(i).label(), "input " + i);
            assertEquals(alone.probability(), batched.get(i).probability(), 1e-5, "input " + i);
            right += batched.get(i).label().equals(targets.get(i)) ? 1 : 0;
        }
        EvaluationReport report = classifier.evaluate(inputs, targets);
        assertEquals((double) right / inputs.size(), report.accuracy(), 1e-12);
        assertEquals(150, report.examples());

        Path file = dir.resolve("tokens.zip");
        classifier.save(file);
        TokenClassifier loaded = TokenClassifier.load(file);
        assertEquals(batched.get(7).probabilities(), loaded.predict(inputs.get(7)).probabilities());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loaded.predict(List.of(new int[] {1, 2}, new int[] {3, 12})));
        assertTrue(e.getMessage().contains("input 1") && e.getMessage().contains("token 1 is 12")
                && e.getMessage().contains("[0, 12)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TokenClassifier.of(model, LabelSet.of("a", "b")));
    }
}
