package org.rnnkit.datasets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a loader does with a bad record: {@link #failFast()} (the default everywhere) throws the first
 * {@link DataFormatException}; {@link #skipAndCollect()} skips the record and keeps the exception so the caller
 * can count and report what was skipped. One instance per read; not thread-safe.
 */
public final class RecordErrors {

    private final boolean skip;
    private final List<DataFormatException> skipped = new ArrayList<>();

    private RecordErrors(boolean skip) {
        this.skip = skip;
    }

    /** Throw on the first bad record. */
    public static RecordErrors failFast() {
        return new RecordErrors(false);
    }

    /** Skip bad records, collecting them for {@link #skipped()} and {@link #report()}. */
    public static RecordErrors skipAndCollect() {
        return new RecordErrors(true);
    }

    /** Throws {@code e}, or records it when skipping. Loaders call this for each bad record. */
    public void handle(DataFormatException e) {
        if (!skip) {
            throw e;
        }
        skipped.add(e);
    }

    /** The records skipped so far, in reading order. */
    public List<DataFormatException> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    /** Number of records skipped so far. */
    public int count() {
        return skipped.size();
    }

    /** A human-readable summary: the count, then one line per skipped record (at most {@code 20}). */
    public String report() {
        StringBuilder sb = new StringBuilder(skipped.size() + " record(s) skipped");
        for (int i = 0; i < Math.min(20, skipped.size()); i++) {
            sb.append('\n').append("  ").append(skipped.get(i).getMessage());
        }
        if (skipped.size() > 20) {
            sb.append("\n  ... and ").append(skipped.size() - 20).append(" more");
        }
        return sb.toString();
    }
}
