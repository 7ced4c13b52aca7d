package org.rnnkit.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads UTF-8 text strictly: bytes that are not UTF-8 are reported (never replaced) as a
 * {@link DataFormatException} naming the file and line; a missing or unreadable file is reported the same way.
 */
public final class StrictText {

    /** Receives each line with its 1-based number. */
    @FunctionalInterface
    public interface LineHandler {
        void line(long number, String text);
    }

    private StrictText() {
    }

    /** A strict UTF-8 reader over the file (malformed or unmappable input is reported, not replaced). */
    public static Reader open(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new InputStreamReader(Files.newInputStream(file), decoder);
        } catch (NoSuchFileException e) {
            throw DataFormatException.inFile(file, "an existing file", e);
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "a readable file", e);
        }
    }

    /**
     * Calls {@code handler} for every line of the file; returns the number of lines. Lines that are not UTF-8
     * raise a {@link DataFormatException} with their line number.
     */
    public static long forEachLine(Path file, LineHandler handler) {
        long number = 0;
        try (BufferedReader reader = new BufferedReader(open(file), 1 << 16)) {
            String line;
            while (true) {
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw DataFormatException.atLine(file, number + 1, "UTF-8 text (found bytes that are not UTF-8)");
                }
                if (line == null) {
                    break;
                }
                number++;
                handler.line(number, line);
            }
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "a readable file", e);
        }
        return number;
    }

    /** The whole file as one string (for small files, e.g. one review); lines are counted for errors. */
    public static String readAll(Path file) {
        StringBuilder sb = new StringBuilder();
        forEachLine(file, (n, text) -> {
            if (n > 1) {
                sb.append('\n');
            }
            sb.append(text);
        });
        return sb.toString();
    }
}
