package org.rnnkit.datasets.music;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a listener would check first about a generated melody: how many notes, their range, the estimated key, the
 * share of notes in the best-fitting major or harmonic-minor scale ({@link #inScaleShare}; the natural minor and the
 * church modes use the notes of a major scale), the longest run of consecutive pitches copied from a set of tunes
 * (the training tunes), and whether it is a degenerate loop: one 4-note figure covering at least 90% of the notes,
 * or fewer than 4 distinct pitches.
 *
 * @param notes           notes (rests not counted)
 * @param lowest          lowest MIDI pitch
 * @param highest         highest MIDI pitch
 * @param key             the Krumhansl-Schmuckler key estimate ({@link KeyEstimator})
 * @param inScaleShare    share of notes in the best-fitting major or harmonic-minor scale
 * @param distinctPitches number of different pitches
 * @param loopShare       share of notes covered by the occurrences of the most frequent 4-note figure
 * @param longestCopied   longest run of consecutive pitches shared with one tune of the index (0 without an index)
 * @param seconds         duration at the given tempo
 */
public record MelodyStats(int notes, int lowest, int highest, KeyEstimator.Key key, double inScaleShare,
                          int distinctPitches, double loopShare, int longestCopied, double seconds) {

    /** Share of notes a single 4-note figure must cover for a melody to count as a degenerate loop. */
    public static final double LOOP_SHARE = 0.9;
    /** Fewer distinct pitches than this make a melody degenerate. */
    public static final int MIN_DISTINCT_PITCHES = 4;
    /** A run of this many consecutive pitches shared with a training tune counts as copying it. */
    public static final int COPY_RUN = 16;

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] HARMONIC_MINOR = {0, 2, 3, 5, 7, 8, 11};
    private static final int FIGURE = 4;

    /** The statistics of {@code melody} played at {@code bpm}; {@code tunes} may be null (then no copy check). */
    public static MelodyStats of(Melody melody, TuneIndex tunes, double bpm) {
        int[] pitches = TuneIndex.pitches(melody);
        int lowest = 127;
        int highest = 0;
        for (int p : pitches) {
            lowest = Math.min(lowest, p);
            highest = Math.max(highest, p);
        }
        double seconds = melody.totalSteps() / (double) melody.stepsPerQuarter() * 60.0 / bpm;
        return new MelodyStats(pitches.length, lowest, highest, KeyEstimator.estimate(melody), inScaleShare(pitches),
                (int) java.util.Arrays.stream(pitches).distinct().count(), loopShare(pitches),
                tunes == null ? 0 : tunes.longestSharedRun(melody), seconds);
    }

    /** A copy with the longest copied run found elsewhere (e.g. on the melody moved to the index's key). */
    public MelodyStats withLongestCopied(int run) {
        return new MelodyStats(notes, lowest, highest, key, inScaleShare, distinctPitches, loopShare, run, seconds);
    }

    /** Whether the melody is a degenerate loop (see the class comment). */
    public boolean degenerate() {
        return loopShare >= LOOP_SHARE || distinctPitches < MIN_DISTINCT_PITCHES;
    }

    /** Whether the melody copies a run of at least {@link #COPY_RUN} pitches from an indexed tune. */
    public boolean copies() {
        return longestCopied >= COPY_RUN;
    }

    static double inScaleShare(int[] pitches) {
        int[] classes = new int[12];
        for (int p : pitches) {
            classes[p % 12]++;
        }
        int best = 0;
        for (int tonic = 0; tonic < 12; tonic++) {
            for (int[] scale : new int[][] {MAJOR, HARMONIC_MINOR}) {
                int in = 0;
                for (int degree : scale) {
                    in += classes[(tonic + degree) % 12];
                }
                best = Math.max(best, in);
            }
        }
        return pitches.length == 0 ? 0 : best / (double) pitches.length;
    }

    static double loopShare(int[] pitches) {
        if (pitches.length < FIGURE) {
            return 1;
        }
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (int i = 0; i + FIGURE <= pitches.length; i++) {
            String figure = figure(pitches, i);
            int c = counts.merge(figure, 1, Integer::sum);
            if (best == null || c > counts.get(best)) {
                best = figure;
            }
        }
        boolean[] covered = new boolean[pitches.length];
        for (int i = 0; i + FIGURE <= pitches.length; i++) {
            if (figure(pitches, i).equals(best)) {
                java.util.Arrays.fill(covered, i, i + FIGURE, true);
            }
        }
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        return n / (double) pitches.length;
    }

    private static String figure(int[] pitches, int from) {
        return pitches[from] + " " + pitches[from + 1] + " " + pitches[from + 2] + " " + pitches[from + 3];
    }

    /** One line: "72 notes, C4-A5, G major, 97% in scale, longest copied run 6, 0 loop, 36.0 s". */
    public String summary() {
        return String.format(Locale.ROOT, "%d notes, %s-%s, %s, %.0f%% in scale, longest copied run %d%s, %s, %.1f s",
                notes, noteName(lowest), noteName(highest), key, 100 * inScaleShare, longestCopied,
                copies() ? " (copies)" : "", degenerate() ? "DEGENERATE LOOP" : "no loop", seconds);
    }

    /**
     * One line over several melodies: how many, the mean in-scale share and how many reach 90%, how many copy a run
     * of {@link #COPY_RUN} pitches, how many are degenerate loops.
     */
    public static String aggregate(java.util.List<MelodyStats> all) {
        double inScale = all.stream().mapToDouble(MelodyStats::inScaleShare).average().orElse(Double.NaN);
        long atLeast90 = all.stream().filter(s -> s.inScaleShare() >= 0.9).count();
        long copying = all.stream().filter(MelodyStats::copies).count();
        long loops = all.stream().filter(MelodyStats::degenerate).count();
        return String.format(Locale.ROOT, "%d melodies: %.1f%% of notes in scale on average, %d with >= 90%%; %d copy "
                + "a run of >= %d pitches from a training tune; %d degenerate loops", all.size(), 100 * inScale,
                atLeast90, copying, COPY_RUN, loops);
    }

    /** Scientific pitch name with sharps: 60 is C4. */
    public static String noteName(int pitch) {
        String[] names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        return names[pitch % 12] + (pitch / 12 - 1);
    }
}
