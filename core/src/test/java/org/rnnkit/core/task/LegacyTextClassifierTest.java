package org.rnnkit.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.datasets.text.TextEncoder;

/**
 * Text-classifier files written before the pipelines (by {@code org.rnnkit.datasets.text.TextClassifier} at commit
 * 1424471, through {@code rnnkit sentiment train}) still load and predict exactly what that code predicted. The
 * fixture, {@code legacy-text-classifier/model-1424471.zip}, and its predictions were written by commit 1424471;
 * the predictions file's header says how.
 */
class LegacyTextClassifierTest {
    private static final String DIR = "/legacy-text-classifier/";

    @TempDir
    Path dir;

    private record Expected(String label, double[] probabilities, String text) {
    }

    @Test
    void oldFileGivesTheOldLabelsAndProbabilities() throws IOException {
        TextClassifier classifier = TextClassifier.load(copy("model-1424471.zip"));
        List<Expected> expected = expected();
        List<Classification> got = classifier.predict(expected.stream().map(Expected::text).toList());
        assertEquals(5, got.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            Classification c = got.get(i);
            assertEquals(e.label(), c.label(), e.text());
            assertEquals(List.of("0", "1"), List.copyOf(c.probabilities().keySet()), e.text());
            for (int k = 0; k < 2; k++) {
                assertEquals(e.probabilities()[k], c.probabilities().get(String.valueOf(k)), 1e-6,
                        e.text() + ", class " + k);
            }
            assertEquals(e.probabilities()[Integer.parseInt(e.label())], c.probability(), 1e-6, e.text());
        }
    }

    @Test
    void oldSettingsMapToTodaysCodecs() throws IOException {
        TextClassifier classifier = TextClassifier.load(copy("model-1424471.zip"));
        assertEquals(List.of("0", "1"), classifier.labels().names());
        TextEncoder encoder = classifier.encoder();
        assertEquals(12, encoder.maxLength());
        assertEquals(TextEncoder.Truncation.KEEP_END, encoder.truncation());
        assertTrue(encoder.tokenizer().lowerCases());
        assertEquals(60, encoder.vocabulary().size());
        assertEquals("{\"fraction\":0.1,\"seed\":42,\"data\":"
                        + "\"300:99fefa97a09b53bf6bb1e8d39ef1ab5001fcc079f0530e921d04714e092fa1a0be\"}",
                classifier.testSplit().orElseThrow().toJsonNode().toString());
    }

    @Test
    void loadedOldFileSavesInTodaysLayoutWithTheSamePredictions() throws IOException {
        TextClassifier old = TextClassifier.load(copy("model-1424471.zip"));
        Path resaved = dir.resolve("resaved.zip");
        old.save(resaved);
        ModelBundle bundle = ModelBundle.load(resaved);
        assertTrue(bundle.attachmentNames().contains("pipeline.json"), bundle.attachmentNames().toString());
        TextClassifier again = TextClassifier.load(resaved);
        List<String> texts = expected().stream().map(Expected::text).toList();
        List<Classification> a = old.predict(texts);
        List<Classification> b = again.predict(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(a.get(i).probability(), b.get(i).probability(), 0.0, texts.get(i));
        }
        assertEquals(old.testSplit(), again.testSplit());
    }

    @Test
    void oldFileOfAnUnknownSettingsFormatIsRefusedNamingTheFormat() throws IOException {
        ModelBundle old = ModelBundle.load(copy("model-1424471.zip"));
        Path future = dir.resolve("future.zip");
        old.withText("text-classifier.json", "{\"format\":2,\"lowerCase\":true}").save(future);
        ModelFileException e = assertThrows(ModelFileException.class, () -> TextClassifier.load(future));
        assertTrue(e.getMessage().contains("unsupported text-classifier format 2"), e.getMessage());
    }

    private Path copy(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(DIR + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private List<Expected> expected() throws IOException {
        List<Expected> out = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream(DIR + "predictions-1424471.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Expected(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])}, f[3]));
            }
        }
        return out;
    }
}
