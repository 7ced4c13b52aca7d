package org.rnnkit.apps.sentiment;

import static org.rnnkit.apps.CliRun.run;
import static org.rnnkit.apps.CliRun.withInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.apps.CliRun;

/**
 * {@code rnnkit sentiment} end to end on the shipped corpus with tiny settings (seconds), and every kind of bad
 * input: one message naming the file (and line), a non-zero exit code, no stack trace, nothing in --out.
 */
class SentimentCommandTest {

    private static final String[] TINY = {"--epochs", "5", "--hidden", "16", "--embedding", "16", "--learning-rate",
            "0.01", "--seed", "42"};

    @TempDir
    static Path shared;

    private static Path model;

    static String[] train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("sentiment", "train"));
        args.addAll(Arrays.asList(TINY));
        args.addAll(Arrays.asList(extra));
        args.addAll(List.of("--out", out.toString()));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void trainOnce() {
        Path dir = shared.resolve("run");
        CliRun r = run(train(dir));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("validation loss") && r.err().contains("accuracy"), r.err());
        model = dir.resolve("model.zip");
    }

    @Test
    void trainWritesModelAndMetrics() throws Exception {
        JsonNode metrics = new ObjectMapper().readTree(model.resolveSibling("metrics.json").toFile());
        assertEquals("neg", metrics.get("classes").get(0).asText());
        assertTrue(metrics.get("testSplit").isNull(), "the shipped corpus has its own test file");
        assertTrue(metrics.get("validation").get("accuracy").asDouble() > 0.5);
        assertEquals(metrics.get("training").get("epochsRun").asInt(), metrics.get("training").get("history").size());
        assertTrue(metrics.get("training").get("history").get(0).get("validationAccuracy").asDouble() > 0);
        // The kept epoch is the most accurate one, and the network's final validation metrics are that epoch's.
        JsonNode training = metrics.get("training");
        assertEquals("accuracy", training.get("metric").asText());
        int best = training.get("bestEpoch").asInt();
        assertEquals(training.get("bestAccuracy").asDouble(),
                training.get("history").get(best - 1).get("validationAccuracy").asDouble(), 1e-12);
        assertEquals(training.get("bestAccuracy").asDouble(),
                metrics.get("networkValidation").get("accuracy").asDouble(), 1e-9);
        assertTrue(metrics.get("ngramPath").asText().startsWith("n-grams up to 2 words"), metrics.toString());
        for (String file : List.of("loss.png", "training.json")) {
            assertTrue(Files.size(model.resolveSibling(file)) > 100, file);
        }
        assertTrue(metrics.get("vocabularySize").asInt() > 100);
    }

    @Test
    void evalOnShippedHeldOutSetBeatsChanceAndWritesReport() throws Exception {
        Path report = shared.resolve("report.json");
        CliRun r = run("sentiment", "eval", "--model", model.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sentiment-test.tsv") && r.out().contains("accuracy"), r.out());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(150, json.get("examples").asInt());
        assertTrue(json.get("accuracy").asDouble() > 0.65, "held-out accuracy " + json.get("accuracy"));
        for (String key : List.of("precision", "recall", "f1")) {
            assertTrue(json.get("macro").get(key).asDouble() > 0, key);
            assertTrue(json.get("classes").get(1).get(key).asDouble() > 0, key);
        }
        assertTrue(json.get("auc").asDouble() > 0.5);
        JsonNode counts = json.get("confusion").get("counts");
        assertEquals(150, counts.get(0).get(0).asInt() + counts.get(0).get(1).asInt()
                + counts.get(1).get(0).asInt() + counts.get(1).get(1).asInt());
        // The linear baseline, trained on the shipped training file, on the same 150 texts.
        assertTrue(r.out().contains("bag-of-words baseline"), r.out());
        JsonNode baseline = json.get("baseline");
        assertEquals(612, baseline.get("trainExamples").asInt());
        assertTrue(baseline.get("accuracy").asDouble() > 0.6, "baseline accuracy " + baseline.get("accuracy"));
        assertEquals(json.get("accuracy").asDouble(), baseline.get("modelAccuracy").asDouble(), 1e-9);
        // The parts of the default model, each alone on the same texts.
        assertTrue(r.out().contains("recurrent network alone") && r.out().contains("n-gram path alone"), r.out());
        assertTrue(json.get("networkAloneAccuracy").asDouble() > 0.5 && json.get("ngramPathAloneAccuracy")
                .asDouble() > 0.5, json.toString());
    }

    @Test
    void predictPrintsLabelProbabilityAndTextFromArgumentsAndStdin() {
        CliRun r = run("sentiment", "predict", "--model", model.toString(), "A wonderful, moving film.",
                "Rude staff and cold food.");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        for (String line : lines) {
            String[] f = line.split("\t");
            assertEquals(3, f.length, line);
            assertTrue(f[0].equals("pos") || f[0].equals("neg"), line);
            double p = Double.parseDouble(f[1]);
            assertTrue(p >= 0.5 && p <= 1, line);
        }
        assertTrue(lines[1].endsWith("\tRude staff and cold food."), lines[1]);
        CliRun stdin = withInput("great value\n\nterrible service\n", "sentiment", "predict", "--model", model.toString());
        assertEquals(0, stdin.code(), stdin.err());
        assertEquals(2, stdin.out().split("\n").length, stdin.out());
    }

    @Test
    void evalOnTheSamePathUsesExactlyTheHeldOutPart() throws Exception {
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            tsv.append("a lovely great day number ").append(i).append("\tpos\n");
            tsv.append("an awful bad day number ").append(i).append("\tneg\n");
        }
        Path data = Files.writeString(shared.resolve("own.tsv"), tsv);
        Path dir = shared.resolve("own");
        CliRun t = run(train(dir, "--data", data.toString(), "--test-fraction", "0.2", "--min-frequency", "1",
                "--cell", "lstm", "--no-bidirectional", "--pooling", "last"));
        assertEquals(0, t.code(), t.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertEquals("LSTM", metrics.get("settings").get("cell").asText());
        assertFalse(metrics.get("settings").get("bidirectional").asBoolean());
        assertEquals("LAST", metrics.get("settings").get("pooling").asText());
        assertEquals(0.2, metrics.get("testSplit").get("fraction").asDouble(), 1e-9);
        assertEquals(42, metrics.get("testSplit").get("seed").asLong());
        int trained = metrics.get("trainExamples").asInt() + metrics.get("validationExamples").asInt();
        Path report = shared.resolve("own-report.json");
        CliRun e = run("sentiment", "eval", "--model", dir.resolve("model.zip").toString(), "--data", data.toString(),
                "--report", report.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode evaluated = new ObjectMapper().readTree(report.toFile());
        int tested = evaluated.get("examples").asInt();
        assertEquals(120, trained + tested, "train and test parts partition the data");
        assertEquals(trained, evaluated.get("baseline").get("trainExamples").asInt(),
                "the baseline trains on the model's training part");
        assertTrue(e.out().contains("20% held out with seed 42"), e.out());
    }

    @Test
    void helpOnEveryCommand() {
        for (String[] args : List.of(new String[] {"sentiment", "--help"}, new String[] {"sentiment", "train", "--help"},
                new String[] {"sentiment", "eval", "--help"}, new String[] {"sentiment", "predict", "--help"})) {
            CliRun r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage: rnnkit sentiment"), r.out());
        }
        String help = run("sentiment", "train", "--help").out();
        for (String option : List.of("--cell", "--[no-]bidirectional", "--max-length", "--validation-fraction",
                "--test-fraction", "--checkpoint-every", "--resume")) {
            assertTrue(help.contains(option), option + " in:\n" + help);
        }
        assertTrue(help.contains("Step size of Adam. (default: 0.002)"), help);
        assertTrue(help.contains("Stacked recurrent layers. (default: 1)"), help);
    }

    @Test
    void everySettingIsAnOptionAndBadValuesAreReported(@TempDir Path dir) {
        assertUserError(run(train(dir.resolve("x"), "--dropout", "1.5")), "dropout must be in [0, 1)");
        assertUserError(run(train(dir.resolve("x"), "--layerz", "2")), "--layerz");
        assertUserError(run(train(dir.resolve("x"), "--cell", "transformer")), "--cell", "transformer");
        assertUserError(run(train(dir.resolve("x"), "--metric", "f1")), "--metric", "f1");
    }

    /* A run stopped after its first epoch continues from its checkpoint: the first epoch is the one it recorded. */
    @Test
    void resumeContinuesFromTheCheckpointOfAnEarlierRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("resumed");
        List<String> common = List.of("sentiment", "train", "--hidden", "8", "--embedding", "8", "--learning-rate",
                "0.01", "--patience", "0", "--checkpoint-every", "4", "--out", out.toString());
        CliRun first = run(concat(common, "--epochs", "1"));
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.isRegularFile(out.resolve("checkpoints/last.zip")));
        JsonNode before = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("training")
                .get("history");
        CliRun second = run(concat(common, "--epochs", "3", "--resume"));
        assertEquals(0, second.code(), second.err());
        JsonNode after = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("training")
                .get("history");
        assertEquals(3, after.size(), after.toString());
        assertEquals(before.get(0).get("seconds").asDouble(), after.get(0).get("seconds").asDouble(),
                "epoch 1 comes from the checkpoint, not from training again");
        assertEquals(before.get(0).get("trainLoss").asDouble(), after.get(0).get("trainLoss").asDouble());
        assertTrue(after.get(0).get("validationAccuracy").isNull(), "not measured in the resumed run");
        assertTrue(after.get(2).get("validationAccuracy").asDouble() > 0);
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all.toArray(String[]::new);
    }

    // --- bad input -------------------------------------------------------------------------------------------

    private static void assertUserError(CliRun r, String... parts) {
        assertNotEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("rnnkit sentiment: "), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), () -> "'" + p + "' not in: " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace for bad input: " + r.err());
    }

    private static void assertTrainFails(Path out, Path data, String... parts) {
        CliRun r = run(train(out, "--data", data.toString()));
        assertUserError(r, parts);
        assertFalse(Files.exists(out.resolve("model.zip")), "no model after a failed run");
        assertFalse(Files.exists(out.resolve("metrics.json")), "no metrics after a failed run");
    }

    @Test
    void badTrainingDataIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertTrainFails(out, dir.resolve("missing.tsv"), "missing.tsv", "an existing file or folder");
        assertTrainFails(out, Files.writeString(dir.resolve("empty.tsv"), ""), "empty.tsv");
        Files.createDirectories(dir.resolve("nothing"));
        assertTrainFails(out, dir.resolve("nothing"), "nothing", "data files");
        assertTrainFails(out, Files.writeString(dir.resolve("single.tsv"), "good\tpos\nfine\tpos\n"), "single.tsv",
                "two classes");
        assertTrainFails(out, Files.writeString(dir.resolve("nolabel.tsv"), "good\tpos\nbad\tneg\nno label\n"),
                "nolabel.tsv", "line 3");
        Path bad = dir.resolve("latin1.tsv");
        Files.write(bad, new byte[] {'o', 'k', '\t', 'p', 'o', 's', '\n', 'c', 'a', 'f', (byte) 0xE9, '\t', 'n', 'e',
                'g', '\n'});
        assertTrainFails(out, bad, "latin1.tsv", "line 2", "UTF-8");
        CliRun r = run(train(out, "--format", "xml"));
        assertUserError(r, "--format", "xml");
        assertFalse(Files.exists(out));
        assertUserError(run(train(out, "--data", "")), "--data");
    }

    @Test
    void badModelsAndEvalDataAreReported(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "just some text");
        assertUserError(run("sentiment", "eval", "--model", text.toString()), "notes.zip", "not an rnnkit model");
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertUserError(run("sentiment", "predict", "--model", truncated.toString(), "hello"), "truncated.zip");
        assertUserError(run("sentiment", "eval", "--model", dir.resolve("none.zip").toString()), "none.zip");
        Path neutral = Files.writeString(dir.resolve("neutral.tsv"), "great\tpos\nso so\tneutral\n");
        assertUserError(run("sentiment", "eval", "--model", model.toString(), "--data", neutral.toString(), "--all"),
                "neutral.tsv:2", "neutral");
        Path report = dir.resolve("r.json");
        assertUserError(run("sentiment", "eval", "--model", model.toString(), "--data", neutral.toString(),
                "--report", report.toString()), "neutral.tsv:2", "neutral");
        assertFalse(Files.exists(report));
    }

    @Test
    void emptyTextToPredictIsReported() {
        assertUserError(run("sentiment", "predict", "--model", model.toString(), "fine", " "), "text 2 is empty");
        assertUserError(withInput("\n  \n", "sentiment", "predict", "--model", model.toString()), "no text");
        assertUserError(run("sentiment", "predict", "--model", model.toString(), "fine", "<br />"), "text 2",
                "no tokens");
        assertUserError(withInput("fine\n<br/>\n", "sentiment", "predict", "--model", model.toString()),
                "line 2 of standard input", "no tokens");
    }
}
