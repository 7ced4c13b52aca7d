package org.rnnkit.datasets.pairs;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.RecordErrors;
import org.rnnkit.datasets.StrictText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads parallel sentences in the Tatoeba/Anki layout: {@code source<TAB>target[<TAB>anything]} per line
 * (fields after the second, such as attribution, are ignored). Both sentences must be non-empty.
 */
public final class SentencePairReader {

    private SentencePairReader() {
    }

    /** Reads all pairs, failing on the first bad line. */
    public static List<SentencePair> read(Path file) {
        return read(file, RecordErrors.failFast());
    }

    /** Reads all pairs; bad lines go to {@code errors}. */
    public static List<SentencePair> read(Path file, RecordErrors errors) {
        List<SentencePair> pairs = new ArrayList<>();
        StrictText.forEachLine(file, (n, line) -> {
            try {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw DataFormatException.atLine(file, n, "source<TAB>target (no tab found)");
                }
                int next = line.indexOf('\t', tab + 1);
                String source = line.substring(0, tab).strip();
                String target = line.substring(tab + 1, next < 0 ? line.length() : next).strip();
                if (source.isEmpty()) {
                    throw DataFormatException.atColumn(file, n, 1, "a non-empty source sentence");
                }
                if (target.isEmpty()) {
                    throw DataFormatException.atColumn(file, n, tab + 2, "a non-empty target sentence after the tab");
                }
                pairs.add(new SentencePair(source, target, n));
            } catch (DataFormatException e) {
                errors.handle(e);
            }
        });
        if (pairs.isEmpty()) {
            throw DataFormatException.inFile(file, "at least one line source<TAB>target", null);
        }
        return pairs;
    }
}
