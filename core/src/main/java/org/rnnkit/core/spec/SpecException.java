package org.rnnkit.core.spec;

/** Thrown when a model declaration is impossible; the message says what was given and what is allowed. */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void require(boolean condition, String message, Object... args) {
        if (!condition) {
            throw new SpecException(String.format(message, args));
        }
    }
}
