package org.rnnkit.datasets.music;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.RecordErrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Named melodies to train or evaluate on: the MIDI files of a folder, or the tunes that ship with rnnkit
 * ({@link #shipped}). A folder is read recursively ({@code .mid} and {@code .midi} files, in path order); files that
 * cannot be used (not MIDI, truncated, no notes, drums only) are skipped and counted in {@link #skipped()}, so one
 * bad file does not stop a run over hundreds, but a folder without any usable file is an error that names it.
 *
 * @param tunes       the melodies, each with the file or resource it came from
 * @param description where they came from, for logs and metrics
 * @param skipped     files left out, each with the reason
 * @param bpm         the tempo of the first tempo event of the first file that has one (120 when none has)
 */
public record MelodyCorpus(List<Tune> tunes, String description, RecordErrors skipped, double bpm) {

    /** The resource folder of the shipped tunes, with an {@code index.txt} listing their files. */
    public static final String SHIPPED = "/org/rnnkit/datasets/music/tunes/";
    /** Tempo of files without a tempo event (the MIDI default). */
    public static final double DEFAULT_BPM = 120;

    /** A melody and where it came from. */
    public record Tune(String source, Melody melody) {
        /** The tune's identity for held-out splits: its notes as text, so duplicates land on the same side. */
        public String key() {
            return NoteText.format(melody);
        }
    }

    /** Copies the list. */
    public MelodyCorpus {
        tunes = List.copyOf(tunes);
    }

    /** The melodies only. */
    public List<Melody> melodies() {
        return tunes.stream().map(Tune::melody).toList();
    }

    /** Number of tunes. */
    public int size() {
        return tunes.size();
    }

    /**
     * A SHA-256 of every tune's notes in order: the same melodies give the same fingerprint wherever they were
     * read from, so a model can tell whether it is evaluated on the data it was trained on.
     */
    public String fingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Tune t : tunes) {
                sha.update(t.key().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Reads every MIDI file under {@code folder} on a grid of {@code stepsPerQuarter}. */
    public static MelodyCorpus fromMidiFolder(Path folder, int stepsPerQuarter) {
        if (!Files.isDirectory(folder)) {
            throw DataFormatException.inFile(folder, "a folder of MIDI files (.mid, .midi)", null);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(MelodyCorpus::isMidi).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw DataFormatException.inFile(folder, "at least one MIDI file (.mid, .midi) in the folder", null);
        }
        MidiMelodyReader reader = MidiMelodyReader.of(stepsPerQuarter);
        RecordErrors errors = RecordErrors.skipAndCollect();
        List<Tune> tunes = new ArrayList<>();
        double bpm = Double.NaN;
        for (Path f : files) {
            try {
                tunes.add(new Tune(f.toString(), reader.read(f)));
                if (Double.isNaN(bpm)) {
                    bpm = MidiMelodyReader.tempo(f).orElse(Double.NaN);
                }
            } catch (DataFormatException e) {
                errors.handle(e);
            }
        }
        if (tunes.isEmpty()) {
            throw DataFormatException.inFile(folder, "at least one usable MIDI file; all " + files.size()
                    + " failed, the first: " + errors.skipped().get(0).getMessage(), null);
        }
        return new MelodyCorpus(tunes, folder + " (" + tunes.size() + " MIDI files)", errors,
                Double.isNaN(bpm) ? DEFAULT_BPM : bpm);
    }

    /** The tunes that ship with rnnkit (see {@code tunes/index.txt}), in the project's {@link NoteText} notation. */
    public static MelodyCorpus shipped(int stepsPerQuarter) {
        List<Tune> tunes = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("%")) {
                tunes.add(new Tune(name, NoteText.parse(resource(name), stepsPerQuarter, "shipped tune " + name)));
            }
        }
        return new MelodyCorpus(tunes, "the shipped tunes (" + tunes.size() + ")", RecordErrors.skipAndCollect(),
                DEFAULT_BPM);
    }

    private static String resource(String name) {
        try (InputStream in = MelodyCorpus.class.getResourceAsStream(SHIPPED + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED + name + " (a broken build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isMidi(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mid") || name.endsWith(".midi");
    }
}
