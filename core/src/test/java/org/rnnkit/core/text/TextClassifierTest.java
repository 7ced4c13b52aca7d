package org.rnnkit.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.task.Classification;
import org.rnnkit.core.task.TextClassifier;
import org.rnnkit.core.train.StopMetric;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.TextSource;

/** Training a small text classifier, its metrics record, and the one-file round trip. */
class TextClassifierTest {

    @TempDir
    Path dir;

    private static TextClassifierSettings tiny(int maxLength, int ngrams) {
        return new TextClassifierSettings(Cell.GRU, false, 1, 8, 8, 0, 0, 0, TextClassifierSettings.Reduction.MAX, ngrams, 0.1,
                maxLength, 1, 1000, 0.1, 0.2, 2, 16, 0.01, 0, 0, 1, StopMetric.ACCURACY, 3);
    }

    @Test
    void trainsSavesAndLoadsWithSameEncodingAndPredictions() throws Exception {
        TextSource source = TextSource.builtInSentiment();
        TextClassifierTrainer.Result result = TextClassifierTrainer.train(source.trainingPart(new HoldOut(0.1, 5)),
                tiny(12, 2), null);
        TextClassifier trained = result.classifier();
        assertEquals(12, trained.encoder().maxLength());
        assertEquals(result.training().history().size(), result.validationAccuracy().size());
        assertEquals(result.training().history().size(), result.metrics().get("training").get("history").size());
        assertEquals(8, result.metrics().get("settings").get("hidden").asInt());
        assertEquals(result.validationExamples(), result.validation().examples());

        Path file = dir.resolve("model.zip");
        trained.save(file);
        TextClassifier loaded = TextClassifier.load(file);
        assertEquals(trained.labels(), loaded.labels());
        assertEquals(trained.encoder().vocabulary(), loaded.encoder().vocabulary());
        assertEquals(TextEncoder.Truncation.KEEP_END, loaded.encoder().truncation());
        assertEquals(trained.testSplit(), loaded.testSplit());
        assertEquals(trained.ngramPath().orElseThrow().size(), loaded.ngramPath().orElseThrow().size());
        assertTrue(loaded.networkOnly().ngramPath().isEmpty());
        List<String> texts = List.of("not bad at all", "the soup was cold and the waiter rude", "zzz unknown qqq");
        List<Classification> batch = loaded.predict(texts);
        for (int i = 0; i < texts.size(); i++) {
            Classification one = trained.predict(texts.get(i));
            assertEquals(one.label(), batch.get(i).label());
            assertEquals(one.probability(), batch.get(i).probability(), 1e-6);
            assertEquals(1.0, one.probabilities().get("neg") + one.probabilities().get("pos"), 1e-5);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loaded.predict("   "));
        assertTrue(e.getMessage().contains("no tokens"), e.getMessage());
    }

    @Test
    void anotherRnnkitModelIsNotATextClassifier() throws Exception {
        Path file = dir.resolve("plain.zip");
        Rnn.sequence(InputSpec.tokens(10)).embedding(4).lstm(4).lastStep().softmax(2).build().save(file);
        ModelFileException e = assertThrows(ModelFileException.class, () -> TextClassifier.load(file));
        assertTrue(e.getMessage().contains("plain.zip") && e.getMessage().contains("not a text-classifier"),
                e.getMessage());
    }

    @Test
    void evaluationRejectsClassesTheModelDoesNotKnow() {
        List<LabelledText> texts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            texts.add(new LabelledText("good thing " + i, 1, "mem:" + i));
            texts.add(new LabelledText("bad thing " + i, 0, "mem:" + i));
        }
        TextCorpus corpus = new TextCorpus(texts, LabelSet.of("neg", "pos"));
        TextSource.Part part = new TextSource.Part(corpus, "in memory", null);
        TextClassifier c = TextClassifierTrainer.train(part, tiny(0, 0), null).classifier();
        TextCorpus other = new TextCorpus(List.of(new LabelledText("so so", 0, "other.tsv:4")),
                LabelSet.of("neutral"));
        Exception e = assertThrows(DataFormatException.class, () -> c.evaluate(other));
        assertTrue(e.getMessage().contains("other.tsv:4") && e.getMessage().contains("neutral"), e.getMessage());
    }
}
