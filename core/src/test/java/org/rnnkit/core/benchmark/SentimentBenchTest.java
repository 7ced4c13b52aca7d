package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.spec.InputSpec;

/** The sentiment task: split, vocabulary, the budget without the embedding, learning, and the real corpus. */
class SentimentBenchTest {
    private static final Path SHARED = Path.of("../../shared/data");

    /** 150 texts per class: filler words and one word that decides the class. */
    private static Path corpus(Path dir) throws IOException {
        String[] filler = {"the", "film", "was", "a", "plot", "and", "actors", "story", "it", "very"};
        String[][] cue = {{"bad", "awful", "dull", "poor"}, {"good", "great", "fine", "lovely"}};
        String[] names = {"reviews.neg", "reviews.pos"};
        Random random = new Random(5);
        for (int c = 0; c < 2; c++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                StringBuilder line = new StringBuilder();
                int words = 4 + random.nextInt(6);
                int at = random.nextInt(words);
                for (int w = 0; w < words; w++) {
                    line.append(w == at ? cue[c][random.nextInt(4)] : filler[random.nextInt(filler.length)]).append(' ');
                }
                lines.add(line.toString().strip());
            }
            Files.write(dir.resolve(names[c]), lines);
        }
        return dir;
    }

    private static int count(DataSetIterator it) {
        int n = 0;
        while (it.hasNext()) {
            n += it.next().numExamples();
        }
        return n;
    }

    @Test
    void splitsEmbedsAndLearnsTheCueWords(@TempDir Path dir) throws IOException {
        SentimentBench task = new SentimentBench(corpus(dir));
        TaskInstance sentiment = task.prepare(12, 0);
        TaskSignature signature = sentiment.signature();
        assertEquals(InputSpec.Kind.TOKENS, signature.input().kind());
        assertEquals(SentimentBench.EMBEDDING, signature.embedding());
        assertEquals(2, signature.outputs());
        // 4 special tokens, 10 fillers and 8 cue words, all seen at least twice in the training texts.
        assertEquals(22, signature.input().size());
        int heldOut = count(sentiment.heldOut());
        assertTrue(heldOut > 40 && heldOut < 80, "about 20% of 300 texts held out: " + heldOut);
        assertEquals(300 - heldOut, count(sentiment.trainingBlock(0, 1, 50)), "a block is one epoch over the rest");
        assertTrue(sentiment.metric().baseline() >= 0.5 && sentiment.metric().baseline() < 0.65);

        // The budget leaves out the embedding, which is the same for every cell.
        int hidden = ParameterBudget.hiddenFor(CellVariants.gru(), signature, 600);
        long budgeted = ParameterBudget.budgeted(CellVariants.gru(), signature, hidden);
        assertEquals(budgeted + 22L * SentimentBench.EMBEDDING,
                ParameterBudget.parameters(CellVariants.gru(), signature, hidden));
        assertTrue(Math.abs(budgeted - 600) < 80, "budgeted " + budgeted);

        BenchSettings settings = new BenchSettings(BenchSettings.Budget.PARAMS, 600, 20, 2e-2, 1.0, 96, 12, 60);
        RunResult gru = new BenchRunner(BenchListener.printing(System.out)).runOne(task, CellVariants.gru(),
                new RunKey("sentiment", "gru", 12, 0), settings, 1, 1);
        assertTrue(gru.score() > 0.85, "a GRU finds the cue words: held-out accuracy " + gru.score());
        RunResult feedForward = new BenchRunner(BenchListener.printing(System.out)).runOne(task,
                CellVariants.feedForward(), new RunKey("sentiment", "feed-forward", 12, 0), settings, 1, 1);
        assertTrue(feedForward.score() > 0.85, "so does averaging words: held-out accuracy " + feedForward.score());
    }

    @Test
    void rtPolarity() throws IOException {
        Path data = SHARED.resolve("rt-polarity");
        assumeTrue(Files.isRegularFile(data.resolve("rt-polarity.pos")), "no ../shared/data here");
        TaskInstance sentiment = new SentimentBench(data).prepare(40, 1);
        assertEquals(2, sentiment.signature().outputs());
        int heldOut = count(sentiment.heldOut());
        int total = heldOut + count(sentiment.trainingBlock(0, 1, 500));
        assertTrue(total > 8000, total + " sentences read"); // this copy holds 8,581 of the 10,662
        assertTrue(heldOut > 0.18 * total && heldOut < 0.22 * total, "about 20% held out: " + heldOut + " of " + total);
        assertTrue(sentiment.metric().baseline() >= 0.5 && sentiment.metric().baseline() < 0.53);
        assertTrue(sentiment.signature().input().size() <= 4000 + 4);
    }
}
