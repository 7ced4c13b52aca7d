package org.rnnkit.datasets.chars;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.StrictText;

import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A character corpus streamed from a UTF-8 file: one pass decodes it in 64 K-char chunks (strict UTF-8; a bad
 * byte is reported with its line), collects the {@link CharVocabulary} and writes the code points to a temporary
 * cache file, from which windows are then read by position, so the text is never held in memory whole.
 * Close it to delete the cache.
 */
public final class CharCorpus implements Closeable {

    private final Path source;
    private final Path cache;
    private final FileChannel channel;
    private final long length;
    private final CharVocabulary vocabulary;

    private CharCorpus(Path source, Path cache, long length, CharVocabulary vocabulary) throws IOException {
        this.source = source;
        this.cache = cache;
        this.length = length;
        this.vocabulary = vocabulary;
        this.channel = FileChannel.open(cache, StandardOpenOption.READ);
    }

    /** Streams {@code file} once, collecting its characters; an empty file is a {@link DataFormatException}. */
    public static CharCorpus open(Path file) {
        return open(file, null);
    }

    /**
     * Streams {@code file} once using a fixed vocabulary (e.g. the training corpus's, for validation text or
     * for a saved model); a character outside it is a {@link DataFormatException} naming its line. With a
     * null vocabulary the file's own characters are collected.
     */
    public static CharCorpus open(Path file, CharVocabulary fixed) {
        Set<Integer> seen = new HashSet<>();
        Path cache;
        try {
            cache = Files.createTempFile("rnnkit-chars", ".cp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] count = {0};
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache), 1 << 16))) {
            int[] pendingHigh = {-1};
            long[] line = {1};
            StrictText.forEachChunk(file, (buf, n) -> {
                try {
                    for (int i = 0; i < n; i++) {
                        char c = buf[i];
                        int cp;
                        if (pendingHigh[0] >= 0) {
                            cp = Character.toCodePoint((char) pendingHigh[0], c);
                            pendingHigh[0] = -1;
                        } else if (Character.isHighSurrogate(c)) {
                            pendingHigh[0] = c;
                            continue;
                        } else {
                            cp = c;
                        }
                        if (fixed != null && fixed.indexOf(cp) < 0) {
                            throw DataFormatException.atLine(file, line[0], "a character of the given vocabulary,"
                                    + " found U+" + String.format("%04X", cp));
                        }
                        if (cp == '\n') {
                            line[0]++;
                        }
                        seen.add(cp);
                        out.writeInt(cp);
                        count[0]++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (DataFormatException e) {
            deleteQuietly(cache);
            throw e;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(cache);
            throw new UncheckedIOException("could not write the character cache " + cache,
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        if (count[0] < 2) {
            deleteQuietly(cache);
            throw DataFormatException.inFile(file, "at least 2 characters of text", null);
        }
        try {
            return new CharCorpus(file, cache, count[0], fixed != null ? fixed
                    : new CharVocabulary(seen.stream().mapToInt(Integer::intValue).toArray()));
        } catch (IOException e) {
            deleteQuietly(cache);
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the file is in the temporary folder
        }
    }

    /** The file read. */
    public Path source() {
        return source;
    }

    /** Number of characters (code points). */
    public long length() {
        return length;
    }

    /** The characters found. */
    public CharVocabulary vocabulary() {
        return vocabulary;
    }

    /** Vocabulary indices of the {@code n} characters starting at character {@code start}. */
    public synchronized int[] read(long start, int n) {
        if (start < 0 || n < 0 || start + n > length) {
            throw new IndexOutOfBoundsException("characters " + start + ".." + (start + n) + " of " + length);
        }
        ByteBuffer bytes = ByteBuffer.allocate(n * 4);
        try {
            long pos = start * 4;
            while (bytes.hasRemaining()) {
                int r = channel.read(bytes, pos + bytes.position());
                if (r < 0) {
                    throw new IOException("cache file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.flip();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = vocabulary.indexOf(bytes.getInt());
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(cache);
    }
}
