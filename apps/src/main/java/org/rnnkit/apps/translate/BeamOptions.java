package org.rnnkit.apps.translate;

import org.rnnkit.apps.UsageException;
import picocli.CommandLine.Option;

/** How translate's {@code eval} and {@code run} decode: {@code --beam} and {@code --alpha}, checked in one place. */
final class BeamOptions {

    @Option(names = "--beam", paramLabel = "K", defaultValue = "4",
            description = "Beam width; 1 is greedy decoding (default: ${DEFAULT-VALUE}).")
    private int beam;

    @Option(names = "--alpha", paramLabel = "X", defaultValue = "0.6",
            description = "Length normalisation: beam search ranks translations by log-probability / length^X "
                    + "(default: ${DEFAULT-VALUE}).")
    private double alpha;

    /** Refuses a beam below 1 or a negative (or NaN) alpha. */
    void check() {
        if (beam < 1) {
            throw new UsageException("--beam must be at least 1, got " + beam);
        }
        if (!(alpha >= 0)) {
            throw new UsageException("--alpha must be >= 0, got " + alpha);
        }
    }

    int beam() {
        return beam;
    }

    double alpha() {
        return alpha;
    }

    /** For reports, e.g. "greedy" or "beam 4, alpha 0.6". */
    String describe() {
        return beam == 1 ? "greedy" : "beam " + beam + ", alpha " + alpha;
    }
}
