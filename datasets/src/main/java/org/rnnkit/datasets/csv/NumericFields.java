package org.rnnkit.datasets.csv;

import org.rnnkit.datasets.DataFormatException;

import java.nio.file.Path;

/** Parses numeric fields, reporting non-numeric or non-finite values with file, line and field. */
final class NumericFields {

    private NumericFields() {
    }

    static float parse(String token, Path file, long line, int field) {
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

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** Splits on runs of whitespace and/or commas, ignoring leading and trailing separators. */
    static String[] splitLoose(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        return trimmed.split("[\\s,]+");
    }
}
