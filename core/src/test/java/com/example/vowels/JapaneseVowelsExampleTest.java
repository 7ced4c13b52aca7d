package com.example.vowels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.eval.EvaluationReport;

/**
 * Runs README's downstream example: on the real Japanese Vowels files when {@code ../shared/data} exists next to
 * the project (or where the system property {@code rnnkit.data} says), otherwise (CI) on a small generated data
 * set in the same {@code .ts} format.
 */
class JapaneseVowelsExampleTest {

    @TempDir
    Path dir;

    @Test
    void declaresTrainsEvaluatesSavesLoadsAndPredicts() throws IOException {
        // Tests run in core/, so the project root is ..; -Drnnkit.data=FOLDER points elsewhere.
        Path shared = Path.of(System.getProperty("rnnkit.data", "../../shared/data"), "japanese-vowels");
        boolean real = Files.isRegularFile(shared.resolve("JapaneseVowels_TEST.ts"));
        Path data = real ? shared : generated(dir.resolve("generated"));
        JapaneseVowelsExample.Outcome outcome = JapaneseVowelsExample.run(data, dir);
        EvaluationReport report = outcome.report();
        assertEquals(EvaluationReport.Task.CLASSIFICATION, report.task());
        assertEquals(real ? 296 : 24, report.examples());
        assertEquals(real ? 9 : 3, report.labels().size());
        // real data: the issue measured 0.977 by hand; chance is 1/9. Generated: three classes, chance 1/3.
        assertTrue(report.accuracy() > (real ? 0.9 : 0.7), report.toText());
        assertTrue(report.macroF1() > (real ? 0.85 : 0.65), report.toText());
        assertEquals(outcome.first().label(), outcome.firstAfterLoading().label());
        assertEquals(outcome.first().probability(), outcome.firstAfterLoading().probability(), 1e-6);
    }

    /** Three "speakers" whose 12 coefficients have different means, 7-29 steps each, in the UEA .ts format. */
    private static Path generated(Path folder) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(11);
        write(folder.resolve("JapaneseVowels_TRAIN.ts"), 12, random);
        write(folder.resolve("JapaneseVowels_TEST.ts"), 8, random);
        return folder;
    }

    private static void write(Path file, int perClass, Random random) throws IOException {
        StringBuilder ts = new StringBuilder("@problemName JapaneseVowels\n@timeStamps false\n@univariate false\n"
                + "@dimensions 12\n@equalLength false\n@classLabel true 1 2 3\n@data\n");
        for (int i = 0; i < 3 * perClass; i++) {
            int speaker = i % 3;
            int length = 7 + random.nextInt(23);
            for (int d = 0; d < 12; d++) {
                double mean = Math.sin(d + 2.0 * speaker);
                for (int t = 0; t < length; t++) {
                    ts.append(t == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f",
                            mean + 1.5 * random.nextGaussian()));
                }
                ts.append(':');
            }
            ts.append(speaker + 1).append('\n');
        }
        Files.writeString(file, ts);
    }
}
