package org.rnnkit.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.eval.TranslationReport;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.Attention;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.task.Translator;
import org.rnnkit.datasets.pairs.GeneratedPairs;
import org.rnnkit.datasets.pairs.ParallelData;
import org.rnnkit.datasets.pairs.SentencePair;

/** Train → save → load → translate with tiny settings (seconds), on a small generated corpus. */
class TranslatorTest {
    private static final List<String> SENTENCES = List.of("The cat sees a dog.",
            "My old horses do not like the red apples near the house.", "A girl takes this zebra.", "Your boy eats.");

    @TempDir
    static Path dir;
    private static TranslatorTrainer.Result result;
    private static ParallelData data;

    static TranslatorSettings tiny(Attention attention) {
        return new TranslatorSettings(Cell.GRU, attention, true, 1, 24, 16, 0.0, 30, 1, 1000, 0.1, 0.1, 3, 32, 0.01,
                1.0, 2, 42);
    }

    @BeforeAll
    static void trainOnce() {
        data = new ParallelData("generated", GeneratedPairs.generate(500, 3));
        TranslatorSettings settings = tiny(Attention.LUONG);
        result = TranslatorTrainer.train(data, settings, settings.trainingConfig(), null);
    }

    @Test
    void trainingLowersTheLossAndRecordsTheSplit() {
        var history = result.training().history();
        assertTrue(history.get(history.size() - 1).trainLoss() < history.get(0).trainLoss() * 0.9,
                "training loss " + history);
        assertTrue(history.get(history.size() - 1).validationLoss() < history.get(0).validationLoss() * 0.9,
                "validation loss " + history);
        assertTrue(result.translator().testSplit().isPresent());
        ParallelData.Part test = data.evaluationPart(result.translator().testSplit().get(), false);
        ParallelData.Part training = data.trainingPart(result.translator().testSplit().get().holdOut());
        assertTrue(test.pairs().size() > 20 && test.pairs().size() < 100, test.description());
        for (SentencePair p : test.pairs()) {
            assertTrue(training.pairs().stream().noneMatch(q -> q.source().equals(p.source())), p.source());
        }
        assertEquals(500, data.evaluationPart(result.translator().testSplit().get(), true).pairs().size());
    }

    @Test
    void savedAndLoadedItTranslatesTheSameAndABatchAsEachSentenceAlone() throws IOException {
        Translator translator = result.translator();
        translator.save(dir.resolve("t.zip"));
        Translator loaded = Translator.load(dir.resolve("t.zip"));
        assertEquals(translator.sourceVocabulary(), loaded.sourceVocabulary());
        assertEquals(translator.targetVocabulary(), loaded.targetVocabulary());
        assertEquals(translator.testSplit(), loaded.testSplit());
        for (int beam : new int[] {1, 3}) {
            List<String> batch = loaded.translate(SENTENCES, beam, 0.6);
            assertEquals(translator.translate(SENTENCES, beam, 0.6), batch);
            for (int i = 0; i < SENTENCES.size(); i++) {
                assertEquals(loaded.translate(List.of(SENTENCES.get(i)), beam, 0.6).get(0), batch.get(i),
                        "beam " + beam + ": " + SENTENCES.get(i));
                assertTrue(!batch.get(i).contains("<unk>") && !batch.get(i).contains("<pad>"), batch.get(i));
            }
        }
    }

    @Test
    void evaluationCountsPairsAndSources() {
        ParallelData.Part test = data.evaluationPart(result.translator().testSplit().get(), false);
        TranslationReport report = result.translator().evaluate(test.pairs(), 2, 0.6, 3);
        assertEquals(test.pairs().size(), report.examples());
        assertEquals(3, report.samples().size());
        assertTrue(report.bleu() > 0 && report.bleu() <= 100, "BLEU " + report.bleu());
        assertEquals(report.bleu(), report.bleuSingleReference(), 1e-9, "one target per source: the same");
    }

    @Test
    void anotherFileIsRefusedByName() throws IOException {
        Path plain = dir.resolve("plain.zip");
        result.translator().model().save(plain);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Translator.load(plain));
        assertTrue(e.getMessage().contains("plain.zip") && e.getMessage().contains("not a translator"),
                e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> result.translator().translate(List.of("a", "  "), 1, 0));
        assertTrue(empty.getMessage().contains("sentence 2"), empty.getMessage());
    }
}
