package org.rnnkit.apps.translate;

import static org.rnnkit.apps.CliRun.run;
import static org.rnnkit.apps.CliRun.withInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.apps.CliRun;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.task.TextClassifier;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.pairs.GeneratedPairs;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/**
 * {@code rnnkit translate} end to end on a small pairs file with tiny settings, and every kind of bad input: one
 * message naming the file and line, exit code 1, no stack trace, nothing in --out.
 */
class TranslateCommandTest {
    private static final String[] TINY = {"--epochs", "1", "--hidden", "8", "--embedding", "8", "--learning-rate",
            "0.01", "--min-frequency", "1", "--batch", "32"};

    @TempDir
    static Path shared;
    private static Path data;
    private static Path model;

    static String[] train(Path dataFile, Path out) {
        List<String> args = new ArrayList<>(List.of("translate", "train", "--data", dataFile.toString()));
        args.addAll(Arrays.asList(TINY));
        args.addAll(List.of("--out", out.toString()));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        data = shared.resolve("pairs.tsv");
        StringBuilder text = new StringBuilder();
        for (SentencePair p : GeneratedPairs.generate(200, 11)) {
            text.append(p.source()).append('\t').append(p.target()).append("\tCC-BY attribution\n");
        }
        Files.writeString(data, text.toString());
        Path dir = shared.resolve("run");
        CliRun r = run(train(data, dir));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("validation (greedy): BLEU"), r.out());
        for (String f : List.of("model.zip", "metrics.json", "loss.png", "training.json")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        model = dir.resolve("model.zip");
    }

    @Test
    void evalReportsBleuOnTheHeldOutSources() throws IOException {
        Path report = shared.resolve("report.json");
        CliRun r = run("translate", "eval", "--model", model.toString(), "--data", data.toString(), "--beam", "2",
                "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test part"), r.out());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        for (String key : List.of("bleu", "bleuSingleReference", "exactMatch", "examples", "samples")) {
            assertTrue(json.has(key), key + " in " + json);
        }
        assertTrue(json.get("examples").asInt() > 5 && json.get("examples").asInt() < 45, json.toString());
        assertEquals(2, json.get("beam").asInt());
    }

    @Test
    void runTranslatesArgumentsAndStandardInputInOrder() {
        CliRun args = run("translate", "run", "--model", model.toString(), "--beam", "1", "The cat sees a dog.",
                "My zebra eats.");
        assertEquals(0, args.code(), args.err());
        assertEquals(2, args.out().lines().count(), args.out());
        assertTrue(args.err().contains("text 2: unknown words read as <unk>: zebra"), args.err());
        assertFalse(args.out().contains("<unk>"), args.out());
        CliRun stdin = withInput("The cat sees a dog.\n\nMy zebra eats.\n", "translate", "run", "--model",
                model.toString(), "--beam", "1");
        assertEquals(0, stdin.code(), stdin.err());
        List<String> lines = stdin.out().lines().toList();
        assertEquals(3, lines.size(), stdin.out());
        assertEquals("", lines.get(1));
        assertEquals(args.out().lines().toList(), List.of(lines.get(0), lines.get(2)));
    }

    @Test
    void badPairsFilesNameFileAndLineAndWriteNothing() throws IOException {
        Path noTab = shared.resolve("notab.tsv");
        Files.writeString(noTab, "Go.\tVa !\nRun! Cours !\n");
        Path emptySide = shared.resolve("emptyside.tsv");
        Files.writeString(emptySide, "Go.\tVa !\nRun!\t \n");
        Path binary = shared.resolve("latin1.tsv");
        Files.write(binary, "Go.\tVa !\nHi.\tSalut ça va\n".getBytes(StandardCharsets.ISO_8859_1));
        Path empty = shared.resolve("empty.tsv");
        Files.writeString(empty, "");
        for (Path bad : List.of(noTab, emptySide, binary, empty)) {
            Path out = shared.resolve("out-" + bad.getFileName());
            CliRun r = run(train(bad, out));
            assertEquals(1, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains(bad.getFileName().toString()), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertFalse(Files.exists(out.resolve("model.zip")), "nothing written for " + bad);
        }
        assertTrue(run(train(noTab, shared.resolve("x"))).err().contains("line 2"));
    }

    @Test
    void aModelOfAnotherKindIsRefused() throws IOException {
        Vocabulary vocabulary = Vocabulary.build(List.of(List.of("good", "bad")), 1, 0);
        SequenceModel net = Rnn.sequence(InputSpec.tokens(vocabulary.size())).embedding(4).gru(4).lastStep()
                .softmax(2).build();
        Path sentiment = shared.resolve("sentiment.zip");
        TextClassifier.of(net, new TextEncoder(Tokenizer.lowerCasing(), vocabulary, 10,
                TextEncoder.Truncation.KEEP_END), LabelSet.of("neg", "pos")).save(sentiment);
        CliRun r = run("translate", "run", "--model", sentiment.toString(), "Hello.");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("sentiment.zip") && r.err().contains("not a translator"), r.err());
        assertEquals("", r.out());
    }
}
