package org.rnnkit.datasets.music;

/**
 * Estimates a melody's key with the Krumhansl-Schmuckler method: the duration-weighted pitch-class histogram is
 * correlated with the Krumhansl-Kessler major and minor key profiles rotated to each of the 12 tonics; the best
 * correlation wins. {@link #shiftToCommonKey} gives the transposition (-6..+5 semitones, the smallest move) to
 * C major or A minor, so melodies can be brought to a common key before training.
 */
public final class KeyEstimator {

    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    /** A key: tonic pitch class 0..11 (0 = C) and mode. */
    public record Key(int tonic, boolean minor) {
        @Override
        public String toString() {
            return NAMES[tonic] + (minor ? " minor" : " major");
        }
    }

    private KeyEstimator() {
    }

    /** The most likely key of the melody. */
    public static Key estimate(Melody melody) {
        double[] histogram = new double[12];
        for (Melody.Event e : melody.events()) {
            if (!e.isRest()) {
                histogram[e.pitch() % 12] += e.steps();
            }
        }
        Key best = null;
        double bestR = Double.NEGATIVE_INFINITY;
        for (int tonic = 0; tonic < 12; tonic++) {
            for (boolean minor : new boolean[]{false, true}) {
                double r = correlation(histogram, minor ? MINOR : MAJOR, tonic);
                if (r > bestR) {
                    bestR = r;
                    best = new Key(tonic, minor);
                }
            }
        }
        return best;
    }

    /** Semitones (-6..+5) that move the melody's estimated key to C major or A minor. */
    public static int shiftToCommonKey(Melody melody) {
        Key key = estimate(melody);
        int target = key.minor() ? 9 : 0;
        int shift = Math.floorMod(target - key.tonic(), 12);
        return shift > 5 ? shift - 12 : shift;
    }

    /**
     * The melody moved by {@link #shiftToCommonKey} to C major or A minor; unchanged if that would take a note
     * outside MIDI 0..127.
     */
    public static Melody inCommonKey(Melody melody) {
        int shift = shiftToCommonKey(melody);
        return shift != 0 && melody.canTranspose(shift) ? melody.transpose(shift) : melody;
    }

    private static double correlation(double[] histogram, double[] profile, int tonic) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < 12; i++) {
            mx += histogram[i] / 12;
            my += profile[i] / 12;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int pc = 0; pc < 12; pc++) {
            double x = histogram[pc] - mx;
            double y = profile[Math.floorMod(pc - tonic, 12)] - my;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }
        return sxx == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
