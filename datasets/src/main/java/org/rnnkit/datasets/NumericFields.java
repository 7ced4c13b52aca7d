package org.rnnkit.datasets;

import java.nio.file.Path;

/** Parses numeric fields for every numeric reader, reporting non-numeric or non-finite values with file, line and field. */
public final class NumericFields {

    private NumericFields() {
    }

    /** The finite float in {@code token} (trimmed), or a {@link DataFormatException} at file, line, 1-based field. */
    public static float parse(String token, Path file, long line, int field) {
        String t = token.trim();
        float v;
        try {
            v = Float.parseFloat(t);
        } catch (NumberFormatException e) {
            throw DataFormatException.atField(file, line, field, "a number, found \"" + abbreviate(t) + "\"");
        }
        if (!Float.isFinite(v)) {
            throw DataFormatException.atField(file, line, field, "a finite number, found \"" + abbreviate(t) + "\"");
        }
        return v;
    }

    /** {@code s}, cut to 40 characters for messages. */
    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** Splits on runs of whitespace and/or commas, ignoring leading and trailing separators. */
    public static String[] splitLoose(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        return trimmed.split("[\\s,]+");
    }
}
