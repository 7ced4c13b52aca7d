package org.rnnkit.datasets.music;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pitch sequences of a set of tunes (notes only, rests skipped), to tell how much of a new melody is copied:
 * {@link #longestSharedRun} is the length of the longest run of consecutive pitches the melody shares with one of
 * the tunes. A run of k pitches is looked up as a 64-bit hash of its k pitches among every tune's k-pitch runs (built
 * on demand, once per k); since a shared run of k pitches contains shared runs of every shorter length, the longest
 * is found by binary search over k. Not thread-safe (the per-length sets are cached).
 */
public final class TuneIndex {

    private static final long BASE = 1_000_003L;

    private final List<int[]> tunes;
    private final Map<Integer, Set<Long>> runsByLength = new HashMap<>();

    private TuneIndex(List<int[]> tunes) {
        this.tunes = tunes;
    }

    /** The index of {@code melodies}' pitch sequences. */
    public static TuneIndex of(List<Melody> melodies) {
        List<int[]> pitches = new ArrayList<>(melodies.size());
        for (Melody m : melodies) {
            pitches.add(pitches(m));
        }
        return new TuneIndex(pitches);
    }

    /** Number of tunes indexed. */
    public int size() {
        return tunes.size();
    }

    /** The pitches of a melody's notes in order, rests left out. */
    public static int[] pitches(Melody melody) {
        return melody.events().stream().filter(e -> !e.isRest()).mapToInt(Melody.Event::pitch).toArray();
    }

    /** Length of the longest run of consecutive pitches of {@code melody} that also occurs in one indexed tune. */
    public int longestSharedRun(Melody melody) {
        int[] p = pitches(melody);
        int low = 0;
        int high = p.length;
        while (low < high) {
            int k = (low + high + 1) >>> 1;
            if (shares(p, k)) {
                low = k;
            } else {
                high = k - 1;
            }
        }
        return low;
    }

    private boolean shares(int[] pitches, int k) {
        Set<Long> runs = runsByLength.computeIfAbsent(k, this::runs);
        for (long h : hashes(pitches, k)) {
            if (runs.contains(h)) {
                return true;
            }
        }
        return false;
    }

    private Set<Long> runs(int k) {
        Set<Long> set = new HashSet<>();
        for (int[] tune : tunes) {
            for (long h : hashes(tune, k)) {
                set.add(h);
            }
        }
        return set;
    }

    /** The hash of every run of {@code k} consecutive values (rolling, so linear in the length). */
    private static long[] hashes(int[] values, int k) {
        if (values.length < k) {
            return new long[0];
        }
        long top = 1;
        for (int i = 1; i < k; i++) {
            top *= BASE;
        }
        long[] out = new long[values.length - k + 1];
        long h = 0;
        for (int i = 0; i < values.length; i++) {
            if (i >= k) {
                h -= (values[i - k] + 1L) * top;
            }
            h = h * BASE + values[i] + 1L;
            if (i >= k - 1) {
                out[i - k + 1] = h;
            }
        }
        return out;
    }
}
