package org.rnnkit.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads UTF-8 text strictly, in bounded chunks: bytes that are not UTF-8 are reported (never replaced) as a
 * {@link DataFormatException} naming the file and the exact line (a {@code CharsetDecoder} with
 * {@link CodingErrorAction#REPORT}); a missing or unreadable file is reported the same way.
 */
public final class StrictText {

    private static final int CHUNK = 1 << 16;

    /** Receives each line with its 1-based number (line terminator removed, {@code \r\n} too). */
    @FunctionalInterface
    public interface LineHandler {
        void line(long number, String text);
    }

    /** Receives decoded characters {@code chars[0..length)}; the array is reused after the call. */
    @FunctionalInterface
    public interface ChunkHandler {
        void chunk(char[] chars, int length);
    }

    private StrictText() {
    }

    /** Decodes the file chunk by chunk (at most 64 K chars at a time); returns the number of characters. */
    public static long forEachChunk(Path file, ChunkHandler handler) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long[] line = {1};
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, eof);
                bytes.compact();
                total += emit(chars, handler, line);
                if (result.isError()) {
                    throw DataFormatException.atLine(file, line[0], "UTF-8 text (found bytes that are not UTF-8)");
                }
                if (eof && result.isUnderflow()) {
                    decoder.flush(chars);
                    total += emit(chars, handler, line);
                    return total;
                }
            }
        } catch (NoSuchFileException e) {
            throw DataFormatException.inFile(file, "an existing file", e);
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "a readable file", e);
        }
    }

    private static int emit(CharBuffer chars, ChunkHandler handler, long[] line) {
        chars.flip();
        int n = chars.remaining();
        char[] a = chars.array();
        for (int i = 0; i < n; i++) {
            if (a[i] == '\n') {
                line[0]++;
            }
        }
        if (n > 0) {
            handler.chunk(a, n);
        }
        chars.clear();
        return n;
    }

    /**
     * Calls {@code handler} for every line of the file; returns the number of lines. A line that is not UTF-8
     * raises a {@link DataFormatException} with its line number.
     */
    public static long forEachLine(Path file, LineHandler handler) {
        StringBuilder current = new StringBuilder();
        long[] number = {0};
        boolean[] open = {false};
        forEachChunk(file, (chars, length) -> {
            for (int i = 0; i < length; i++) {
                char c = chars[i];
                if (c == '\n') {
                    int end = current.length();
                    if (end > 0 && current.charAt(end - 1) == '\r') {
                        current.setLength(end - 1);
                    }
                    handler.line(++number[0], current.toString());
                    current.setLength(0);
                    open[0] = false;
                } else {
                    current.append(c);
                    open[0] = true;
                }
            }
        });
        if (open[0]) {
            int end = current.length();
            if (current.charAt(end - 1) == '\r') {
                current.setLength(end - 1);
            }
            handler.line(++number[0], current.toString());
        }
        return number[0];
    }

    /** The whole file as one string with {@code \n} line ends (for small files, e.g. one review). */
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
