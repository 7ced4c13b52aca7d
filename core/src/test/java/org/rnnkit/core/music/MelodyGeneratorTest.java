package org.rnnkit.core.music;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.task.MelodyEvaluation;
import org.rnnkit.core.task.MelodyGenerator;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.music.KeyEstimator;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyCorpus;
import org.rnnkit.datasets.music.MidiMelodyReader;
import org.rnnkit.datasets.music.MidiMelodyWriter;
import org.rnnkit.datasets.music.NoteText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Train -> save -> load -> generate on the shipped tunes with tiny settings (seconds), seeded reproducibility,
 * primers, and the grammar's guarantee on a real network: every sampled melody decodes, at any temperature.
 */
class MelodyGeneratorTest {

    static final MelodySettings TINY = new MelodySettings(Cell.GRU, 1, 24, 8, 0, 16, 64, 4, 0.01, 1, 1.0, 3, 3, 4, true,
            0.1, 0.15, 42);

    @TempDir
    static Path dir;

    private static MelodyTrainer.Result result;
    private static MelodyGenerator loaded;

    @BeforeAll
    static void trainSaveLoad() throws Exception {
        result = MelodyTrainer.train(MelodyCorpus.shipped(4), TINY, TINY.trainingConfig(), null);
        result.generator().save(dir.resolve("model.zip"));
        loaded = MelodyGenerator.load(dir.resolve("model.zip"));
    }

    @Test
    void trainingLearnsAndRecordsItsFigures() {
        var history = result.training().history();
        assertEquals(3, history.size());
        assertTrue(history.get(2).trainLoss() < history.get(0).trainLoss(), "training loss falls");
        double uniformBits = Math.log(result.generator().codec().vocabularySize()) / Math.log(2);
        MelodyEvaluation validation = result.validation();
        assertTrue(validation.bitsPerEvent() < uniformBits - 1, validation.bitsPerEvent() + " bits vs uniform "
                + uniformBits);
        assertTrue(result.trainTunes() > 30 && result.validationTunes() > 0 && result.testTunes() > 0);
        assertEquals(MelodyCorpus.shipped(4).size(), result.trainTunes() + result.validationTunes()
                + result.testTunes());
        JsonNode metrics = result.metrics();
        assertEquals(3, metrics.get("training").get("history").size());
        assertTrue(metrics.get("training").get("history").get(2).get("validationBitsPerEvent").asDouble() > 0);
        assertEquals("GRU", metrics.get("settings").get("cell").asText());
        assertTrue(metrics.get("validation").get("bigramPerplexity").asDouble() > 1);
    }

    @Test
    void evaluationComparesWithBaselinesOnTheHeldOutTunes() {
        MelodyCorpus shipped = MelodyCorpus.shipped(4);
        assertTrue(loaded.trainedOn(shipped));
        List<Melody> test = loaded.evaluationPart(shipped);
        assertEquals(result.testTunes(), test.size());
        MelodyEvaluation e = loaded.evaluate(test);
        JsonNode json = e.toJsonNode();
        for (String key : List.of("perplexity", "bitsPerEvent", "unigramPerplexity", "bigramPerplexity", "examples")) {
            assertTrue(json.get(key).asDouble() > 0, key);
        }
        // one token per event plus the end token: bits per event = bits per token * tokens / events
        assertEquals(e.model().bitsPerToken() * e.model().units() / e.events(), e.bitsPerEvent(), 1e-9);
        assertEquals(e.events() + test.size(), e.model().units());
        assertEquals(e.toJsonNode(), result.generator().evaluate(test).toJsonNode(), "the file keeps the model");
    }

    @Test
    void seededGenerationIsReproducibleAndSurvivesSaving() {
        List<Melody> none = Collections.nCopies(3, null);
        List<Melody> a = loaded.generate(none, 20, 20, Search.sampling(1.0).withSeed(5));
        assertEquals(a, loaded.generate(none, 20, 20, Search.sampling(1.0).withSeed(5)));
        assertEquals(a, result.generator().generate(none, 20, 20, Search.sampling(1.0).withSeed(5)));
        assertNotEquals(a, loaded.generate(none, 20, 20, Search.sampling(1.0).withSeed(6)));
        for (Melody m : a) {
            assertEquals(20, m.noteCount());
        }
    }

    /** A generated melody written as MIDI and parsed back is the same melody, note for note. */
    @Test
    void generatedMidiParsesBackToTheSameNotes() throws Exception {
        List<Melody> melodies = loaded.generate(Collections.nCopies(4, null), 30, 30, Search.sampling(1.2).withSeed(2));
        for (int i = 0; i < melodies.size(); i++) {
            Path file = dir.resolve("generated-" + i + ".mid");
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                MidiMelodyWriter.write(melodies.get(i), 1, 100, out);
            }
            assertEquals(melodies.get(i), MidiMelodyReader.of(4).read(file));
            assertEquals(100, MidiMelodyReader.tempo(file).orElseThrow(), 1e-9);
        }
    }

    @Test
    void primerIsKeptInItsKey() {
        Melody primer = NoteText.parse("D4 1/4, F#4 1/4, A4 1/2, G4 1/4, F#4 1/4, E4 1/2", 4, "primer");
        assertNotEquals(0, KeyEstimator.shiftToCommonKey(primer), "D major, not the model's key");
        Melody m = loaded.generate(List.of(primer), 10, 10, Search.sampling(0.8).withSeed(1)).get(0);
        assertEquals(primer.events(), m.events().subList(0, primer.events().size()));
        assertEquals(16, m.noteCount());
        Melody outside = NoteText.parse("C1 1/4, D1 1/4", 4, "primer");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> loaded.generate(List.of(outside), 4, 4, Search.greedy()));
        assertTrue(e.getMessage().contains("primer 1") && e.getMessage().contains("a note the model knows"),
                e.getMessage());
    }

    /** An untrained network puts its probability anywhere; the grammar still makes every melody valid. */
    @Test
    void constrainedSamplingAlwaysDecodesOverSeedsAndTemperatures() {
        MelodyGenerator g = result.generator();
        MelodyGenerator untrained = MelodyGenerator.of(SequenceModel.create(TINY.modelSpec(g.codec().vocabularySize())),
                g.codec(), true, 120, List.of(NoteText.parse("C4 1/4, E4 1/4", 4, "t")));
        Melody primer = NoteText.parse("C4 1/4, R 1/8", 4, "primer");
        List<Melody> primers = new ArrayList<>(List.of(primer));
        primers.add(null);
        int melodies = 0;
        for (double temperature : new double[] {0.05, 0.5, 1, 2, 20}) {
            for (long seed = 0; seed < 4; seed++) {
                for (MelodyGenerator model : List.of(untrained, g)) {
                    Search search = seed % 3 == 0 ? Search.sampling(temperature).withSeed(seed)
                            : seed % 3 == 1 ? Search.sampling(temperature).withTopK(3).withSeed(seed)
                            : Search.sampling(temperature).withTopP(0.9).withSeed(seed);
                    int min = 1 + (int) seed;
                    List<Melody> out = model.generate(primers, min, 12, search);
                    assertTrue(out.get(0).noteCount() - 1 >= min && out.get(0).noteCount() - 1 <= 12);
                    assertTrue(out.get(1).noteCount() >= min && out.get(1).noteCount() <= 12);
                    melodies += out.size();
                }
            }
        }
        assertEquals(80, melodies);
    }

    @Test
    void anotherKindOfModelFileIsRefusedNamingIt() throws Exception {
        Path plain = dir.resolve("plain.zip");
        result.generator().model().save(plain);
        ModelFileException e = assertThrows(ModelFileException.class, () -> MelodyGenerator.load(plain));
        assertTrue(e.getMessage().contains(plain.toString()) && e.getMessage().contains("not a melody-generator"),
                e.getMessage());
    }
}
