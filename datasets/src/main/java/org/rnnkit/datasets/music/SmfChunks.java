package org.rnnkit.datasets.music;

import org.rnnkit.datasets.DataFormatException;

import java.nio.file.Path;

/**
 * Checks the chunk structure of a Standard MIDI File before {@code javax.sound.midi} parses it (which silently
 * drops a truncated last track): an {@code MThd} header of length >= 6, then as many {@code MTrk} chunks as the
 * header declares, each complete.
 */
final class SmfChunks {

    private SmfChunks() {
    }

    static void check(Path file, byte[] b) {
        if (b.length < 14 || b[0] != 'M' || b[1] != 'T' || b[2] != 'h' || b[3] != 'd') {
            throw DataFormatException.inFile(file, "a Standard MIDI File starting with an MThd header", null);
        }
        long headerLength = u32(b, 4);
        int tracks = (b[10] & 0xFF) << 8 | (b[11] & 0xFF);
        long pos = 8 + headerLength;
        int found = 0;
        while (found < tracks) {
            if (pos + 8 > b.length) {
                throw DataFormatException.at(file.toString(), "track " + found + ", byte " + pos,
                        tracks + " track chunks as the header declares (file truncated after " + found + ")");
            }
            long length = u32(b, (int) pos + 4);
            boolean isTrack = b[(int) pos] == 'M' && b[(int) pos + 1] == 'T' && b[(int) pos + 2] == 'r'
                    && b[(int) pos + 3] == 'k';
            if (pos + 8 + length > b.length) {
                throw DataFormatException.at(file.toString(), "track " + found + ", byte " + pos,
                        "a complete chunk of " + length + " bytes (file truncated: " + (b.length - pos - 8)
                                + " left)");
            }
            if (isTrack) {
                found++;
            }
            pos += 8 + length;
        }
    }

    private static long u32(byte[] b, int i) {
        return (long) (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }
}
