package org.rnnkit.apps.music;

import org.rnnkit.apps.UsageException;
import org.rnnkit.core.decode.SamplingSearch;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.io.AtomicFiles;
import org.rnnkit.core.music.PianoRoll;
import org.rnnkit.core.task.MelodyGenerator;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyAudio;
import org.rnnkit.datasets.music.MelodyStats;
import org.rnnkit.datasets.music.MidiMelodyReader;
import org.rnnkit.datasets.music.MidiMelodyWriter;
import org.rnnkit.datasets.music.NoteText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rnnkit music generate}: new melodies from a trained model, as MIDI, WAV and piano-roll PNG. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate melodies by sampling the model event by event (temperature, top-k, top-p, seeded), "
                + "from a primer or from nothing, and write them as standard MIDI files; optionally as WAV (rendered "
                + "offline by the JDK's software synthesizer) and as piano-roll PNG. Prints one line per melody: "
                + "notes, range, key, share of notes in the best-fitting scale, longest run of pitches copied from a "
                + "training tune, loop check, duration.",
                "",
                "Every melody has exactly --length new notes (or between --min-length and --length, ending where the "
                        + "model chooses to): the decoder only lets through tokens that keep the melody valid. With "
                        + "--count C > 1, FILE.mid becomes FILE-1.mid ... FILE-C.mid (likewise --wav, --png). Files "
                        + "are written when every melody is ready, each atomically; if one cannot be written, the "
                        + "others are removed again.", ""})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    private Path model;

    @Option(names = "--length", paramLabel = "N", defaultValue = "64",
            description = "New notes per melody, rests not counted (default: ${DEFAULT-VALUE}).")
    private int length;

    @Option(names = "--min-length", paramLabel = "N",
            description = "Let the model end a melody after N new notes (default: --length, an exact length).")
    private Integer minLength;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0",
            description = "Below 1 plays safer, above 1 takes more risks (default: ${DEFAULT-VALUE}).")
    private double temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
            description = "Draw only among the K most likely events; 0 for all (default: ${DEFAULT-VALUE}).")
    private int topK;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "1.0",
            description = "Draw only among the most likely events whose probabilities sum to P (default: "
                    + "${DEFAULT-VALUE}: all).")
    private double topP;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the draws: the same seed, model and options give the same melodies (default: "
                    + "${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--primer", paramLabel = "FILE.mid|FILE|NOTES",
            description = "Start from these notes: a MIDI file, a text file, or notes in rnnkit's notation, e.g. "
                    + "\"E4 1/4, D4 1/4, C4 1/2\" (the melody keeps the primer's key and tempo). Default: from "
                    + "nothing.")
    private String primer;

    @Option(names = "--count", paramLabel = "C", defaultValue = "1",
            description = "Melodies to generate (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--bpm", paramLabel = "BPM",
            description = "Tempo in quarter notes per minute (default: the primer's, else the training tunes').")
    private Double bpm;

    @Option(names = "--out", paramLabel = "FILE.mid", required = true, description = "The standard MIDI file to write.")
    private Path out;

    @Option(names = "--wav", paramLabel = "FILE.wav", description = "Also render the melody as a WAV file.")
    private Path wav;

    @Option(names = "--png", paramLabel = "FILE.png", description = "Also draw the melody as a piano roll.")
    private Path png;

    @Override
    public Integer call() throws IOException {
        int least = minLength == null ? length : minLength;
        if (length < 1 || least < 1 || least > length) {
            throw new UsageException("need 1 <= --min-length <= --length, got " + least + " and " + length);
        }
        if (count < 1 || count > 1000) {
            throw new UsageException("--count must be 1..1000, got " + count);
        }
        if (bpm != null && !(bpm >= 10 && bpm <= 400)) {
            throw new UsageException("--bpm must be 10..400, got " + bpm);
        }
        SamplingSearch search = samplingSearch();
        MelodyGenerator generator = MelodyGenerator.load(model);
        Melody start = primer == null ? null : readPrimer(generator.codec().stepsPerQuarter());
        double tempo = bpm != null ? bpm : primer != null && isMidi(primer)
                ? MidiMelodyReader.tempo(Path.of(primer)).orElse(generator.bpm()) : generator.bpm();
        List<Melody> melodies = generator.generate(Collections.nCopies(count, start), least, length, search);
        int primerEvents = start == null ? 0 : start.events().size();

        List<MelodyStats> all = new ArrayList<>();
        for (int i = 0; i < melodies.size(); i++) {
            MelodyStats stats = generator.stats(melodies.get(i), Math.round(tempo));
            all.add(stats);
            System.out.printf(Locale.ROOT, "%s  %s%n", numbered(out, i), stats.summary());
        }
        if (count > 1) {
            System.out.println(MelodyStats.aggregate(all));
        }
        List<Path> written = write(melodies, tempo, primerEvents);
        System.out.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        return 0;
    }

    private SamplingSearch samplingSearch() {
        try {
            SamplingSearch search = Search.sampling(temperature).withTopP(topP).withSeed(seed);
            return topK > 0 ? search.withTopK(topK) : search;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Melody readPrimer(int stepsPerQuarter) {
        Path file = Path.of(primer);
        if (isMidi(primer)) {
            return MidiMelodyReader.of(stepsPerQuarter).read(file);
        }
        if (Files.isRegularFile(file)) {
            return NoteText.parse(file, stepsPerQuarter);
        }
        return NoteText.parse(primer, stepsPerQuarter, "--primer");
    }

    private static boolean isMidi(String argument) {
        String name = argument.toLowerCase(Locale.ROOT);
        return name.endsWith(".mid") || name.endsWith(".midi");
    }

    /** FILE.mid for one melody; FILE-1.mid, FILE-2.mid ... for several. */
    private Path numbered(Path file, int index) {
        if (count == 1) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + (index + 1) + name.substring(dot)
                : name + "-" + (index + 1);
        return file.resolveSibling(numbered);
    }

    /**
     * Writes each melody's files, each atomically, rendering one at a time (a WAV is megabytes); if one fails, the
     * files already written are removed again (all or nothing).
     */
    private List<Path> write(List<Melody> melodies, double tempo, int primerEvents) throws IOException {
        List<Path> written = new ArrayList<>();
        try {
            for (int i = 0; i < melodies.size(); i++) {
                Melody melody = melodies.get(i);
                ByteArrayOutputStream midi = new ByteArrayOutputStream();
                MidiMelodyWriter.write(melody, 1, (int) Math.round(tempo), midi);
                written.add(save(numbered(out, i), midi.toByteArray()));
                if (wav != null) {
                    Path file = numbered(wav, i);
                    createParent(file);
                    AtomicFiles.write(file, stream -> MelodyAudio.writeWav(melody, Math.round(tempo), stream));
                    written.add(file);
                }
                if (png != null) {
                    written.add(save(numbered(png, i), PianoRoll.png(melody, primerEvents, "melody " + (i + 1) + " of "
                            + count + " (" + model.getFileName() + ", temperature " + temperature + ", seed " + seed
                            + ")")));
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
        return written;
    }

    private static Path save(Path file, byte[] bytes) throws IOException {
        createParent(file);
        AtomicFiles.write(file, stream -> stream.write(bytes));
        return file;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
