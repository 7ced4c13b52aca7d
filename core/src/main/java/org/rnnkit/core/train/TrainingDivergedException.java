package org.rnnkit.core.train;

/** Training produced a NaN or infinite loss; the last good checkpoint (if any) was left untouched. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
