package org.rnnkit.apps.music;

import org.rnnkit.datasets.music.MelodyCorpus;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code --midi DIR}, shared by {@code train} and {@code eval}: a folder of MIDI files, or the shipped tunes. */
final class MidiOptions {

    @Option(names = "--midi", paramLabel = "DIR",
            description = "A folder of MIDI files (type 0 or 1, read recursively; several parts are reduced to the "
                    + "highest line). Files that cannot be used are skipped and counted. Default: the tunes that ship "
                    + "with rnnkit.")
    Path midi;

    /** The tunes on a grid of {@code stepsPerQuarter}; skipped files are listed on {@code log}. */
    MelodyCorpus open(int stepsPerQuarter, PrintStream log) {
        MelodyCorpus corpus = midi == null ? MelodyCorpus.shipped(stepsPerQuarter)
                : MelodyCorpus.fromMidiFolder(midi, stepsPerQuarter);
        if (corpus.skipped().count() > 0) {
            log.println("skipped " + corpus.skipped().report().replaceFirst("record\\(s\\)", "file(s)"));
        }
        return corpus;
    }
}
