package org.rnnkit.apps.music;

import static org.rnnkit.apps.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.apps.CliRun;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MidiMelodyReader;
import org.rnnkit.datasets.music.MidiMelodyWriter;
import org.rnnkit.datasets.music.NoteText;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rnnkit music} end to end on the shipped tunes with tiny settings: train, generate (MIDI read back gives the
 * printed melodies, WAV, PNG), eval; and bad input: one message naming the file, exit code 1, nothing written.
 */
class MusicCommandTest {

    private static final String[] TINY = {"--hidden", "16", "--layers", "1", "--embedding", "8", "--epochs", "2",
            "--window", "16", "--row-length", "64", "--batch", "4", "--learning-rate", "0.01", "--seed", "3"};

    @TempDir
    static Path shared;

    private static Path model;

    @BeforeAll
    static void trainOnce() {
        List<String> args = new ArrayList<>(List.of("music", "train"));
        args.addAll(Arrays.asList(TINY));
        args.addAll(List.of("--out", shared.resolve("run").toString()));
        CliRun r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("validation") && r.err().contains("bits per event"), r.err());
        model = shared.resolve("run/model.zip");
    }

    @Test
    void trainWritesModelMetricsAndCurve() throws Exception {
        JsonNode metrics = new ObjectMapper().readTree(model.resolveSibling("metrics.json").toFile());
        assertEquals(16, metrics.get("settings").get("hidden").asInt());
        assertTrue(metrics.get("trainTunes").asInt() > 30);
        assertTrue(metrics.get("validation").get("bitsPerEvent").asDouble() > 0);
        for (String file : List.of("loss.png", "training.json")) {
            assertTrue(Files.size(model.resolveSibling(file)) > 100, file);
        }
    }

    @Test
    void generateWritesMidiThatReadsBackAsThePrintedMelodies() throws Exception {
        Path out = shared.resolve("gen/tune.mid");
        CliRun r = run("music", "generate", "--model", model.toString(), "--count", "2", "--length", "24", "--seed", "9",
                "--temperature", "0.9", "--top-p", "0.95", "--out", out.toString(), "--wav",
                shared.resolve("gen/tune.wav").toString(), "--png", shared.resolve("gen/tune.png").toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].contains("tune-1.mid  24 notes") && lines[0].contains("in scale")
                && lines[0].contains("longest copied run"), r.out());
        for (String f : List.of("tune-1.mid", "tune-2.mid", "tune-1.wav", "tune-2.wav", "tune-1.png", "tune-2.png")) {
            assertTrue(Files.size(shared.resolve("gen").resolve(f)) > 40, f);
        }
        Melody first = MidiMelodyReader.of(4).read(shared.resolve("gen/tune-1.mid"));
        assertEquals(24, first.noteCount());
        assertEquals(120, MidiMelodyReader.tempo(shared.resolve("gen/tune-1.mid")).orElseThrow(), 1e-9);
        // The same seed again gives the same notes, byte for byte in the MIDI file.
        Path again = shared.resolve("again.mid");
        CliRun r2 = run("music", "generate", "--model", model.toString(), "--count", "2", "--length", "24", "--seed",
                "9", "--temperature", "0.9", "--top-p", "0.95", "--out", again.toString());
        assertEquals(0, r2.code(), r2.err());
        assertEquals(first, MidiMelodyReader.of(4).read(shared.resolve("again-1.mid")));
        assertTrue(Arrays.equals(Files.readAllBytes(shared.resolve("gen/tune-2.mid")),
                Files.readAllBytes(shared.resolve("again-2.mid"))));
    }

    @Test
    void primerFromMidiKeepsItsNotesAndTempo() throws Exception {
        Melody primer = NoteText.parse("G4 1/4, A4 1/4, B4 1/2, D5 1/4, B4 1/4, G4 1/2", 4, "primer");
        Path file = shared.resolve("primer.mid");
        try (OutputStream o = Files.newOutputStream(file)) {
            MidiMelodyWriter.write(primer, 0, 90, o);
        }
        Path out = shared.resolve("continued.mid");
        CliRun r = run("music", "generate", "--model", model.toString(), "--primer", file.toString(), "--length", "10",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Melody m = MidiMelodyReader.of(4).read(out);
        assertEquals(primer.events(), m.events().subList(0, primer.events().size()));
        assertEquals(16, m.noteCount());
        assertEquals(90, MidiMelodyReader.tempo(out).orElseThrow(), 0.5);
        CliRun text = run("music", "generate", "--model", model.toString(), "--primer", "C4 1/4, E4 1/4, G4 1/2",
                "--length", "5", "--out", shared.resolve("text.mid").toString());
        assertEquals(0, text.code(), text.err());
    }

    @Test
    void evalReportsPerplexityBitsPerEventAndBaselines() throws Exception {
        Path report = shared.resolve("report.json");
        CliRun r = run("music", "eval", "--model", model.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("training held out of the shipped tunes"), r.out());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        for (String key : List.of("perplexity", "bitsPerEvent", "unigramPerplexity", "bigramPerplexity", "examples")) {
            assertTrue(json.get(key).asDouble() > 0, key + " in " + json);
        }
    }

    @Test
    void badInputIsOneMessageAndNothingWritten() throws Exception {
        Path empty = Files.createDirectories(shared.resolve("empty"));
        Path out = shared.resolve("bad-run");
        CliRun r = run("music", "train", "--midi", empty.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("rnnkit music: ") && r.err().contains(empty.toString())
                && r.err().contains("at least one MIDI file"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(out));

        Path notMidi = Files.writeString(shared.resolve("fake.mid"), "no MIDI here");
        Path gen = shared.resolve("never.mid");
        r = run("music", "generate", "--model", model.toString(), "--primer", notMidi.toString(), "--out",
                gen.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("fake.mid") && r.err().contains("Standard MIDI File"), r.err());
        r = run("music", "generate", "--model", model.toString(), "--primer", "C4 1/4, X 1/4", "--out", gen.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--primer (line 1, column 9)"), r.err());
        r = run("music", "generate", "--model", notMidi.toString(), "--out", gen.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("fake.mid"), r.err());
        r = run("music", "generate", "--model", model.toString(), "--temperature", "0", "--out", gen.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("temperature"), r.err());
        assertFalse(Files.exists(gen));
        try (Stream<Path> files = Files.list(shared)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("never")));
        }
    }
}
