package org.rnnkit.datasets;

import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers for the bad-input tests: write files, expect one DataFormatException naming file and place. */
public final class BadInput {

    private BadInput() {
    }

    /** Writes UTF-8 text. */
    public static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Writes {@code before}, one byte 0xFF (never valid UTF-8), then {@code after}. */
    public static Path writeWithBadByte(Path dir, String name, String before, String after) throws IOException {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + 1 + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = (byte) 0xFF;
        System.arraycopy(b, 0, all, a.length + 1, b.length);
        Path p = dir.resolve(name);
        Files.write(p, all);
        return p;
    }

    /**
     * Runs {@code call}, expecting a DataFormatException whose source names {@code file}, whose location is
     * {@code location} and whose expectation contains {@code expectedPart}.
     */
    public static DataFormatException expect(Path file, String location, String expectedPart, Executable call) {
        DataFormatException e = assertThrows(DataFormatException.class, call);
        assertTrue(e.source().contains(file.getFileName().toString()), () -> "source: " + e.getMessage());
        assertEquals(location, e.location(), () -> "location: " + e.getMessage());
        assertTrue(e.expected().contains(expectedPart), () -> "expected part '" + expectedPart + "' in: "
                + e.getMessage());
        return e;
    }
}
