package org.rnnkit.datasets;

import java.nio.file.Path;

/**
 * The one exception every loader throws for input it cannot use: it names the file (or other source), the
 * place in it (a line and column, a track and tick, or "file" for the file as a whole) and what was expected
 * there.
 */
public final class DataFormatException extends RuntimeException {

    private final String source;
    private final String location;
    private final String expected;

    private DataFormatException(String source, String location, String expected, Throwable cause) {
        super(source + " (" + location + "): expected " + expected, cause);
        this.source = source;
        this.location = location;
        this.expected = expected;
    }

    /** A problem on a 1-based line of a file. */
    public static DataFormatException atLine(Path file, long line, String expected) {
        return new DataFormatException(String.valueOf(file), "line " + line, expected, null);
    }

    /** A problem at a 1-based line and column of a file. */
    public static DataFormatException atColumn(Path file, long line, int column, String expected) {
        return new DataFormatException(String.valueOf(file), "line " + line + ", column " + column, expected, null);
    }

    /** A problem in a 1-based field (column of a delimited record) of a 1-based line of a file. */
    public static DataFormatException atField(Path file, long line, int field, String expected) {
        return new DataFormatException(String.valueOf(file), "line " + line + ", field " + field, expected, null);
    }

    /** A problem at a free-form place (for example "track 1, tick 480") of a source. */
    public static DataFormatException at(String source, String location, String expected) {
        return new DataFormatException(source, location, expected, null);
    }

    /** A problem with a file as a whole (missing, unreadable, empty), with its cause if any. */
    public static DataFormatException inFile(Path file, String expected, Throwable cause) {
        return new DataFormatException(String.valueOf(file), "file", expected, cause);
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** Where in the source: "line 3", "line 3, column 7", "track 1, tick 480" or "file". */
    public String location() {
        return location;
    }

    /** What the loader expected to find there. */
    public String expected() {
        return expected;
    }
}
