package org.rnnkit.core.decode;

/**
 * What every search shares: the longest sequence to produce, the {@link TokenRules} and an optional
 * {@link Constraint}. Immutable; {@code with*} returns a copy.
 *
 * @param maxLength  most tokens per sequence, the stop token included
 * @param tokens     stop token and ids never emitted
 * @param constraint allowed next tokens per prefix, or null
 */
public record DecodeOptions(int maxLength, TokenRules tokens, Constraint constraint) {

    public DecodeOptions {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        if (tokens == null) {
            throw new IllegalArgumentException("tokens: the token rules (e.g. TokenRules.standard()), got null");
        }
    }

    /** Up to {@code maxLength} tokens with rnnkit's token convention ({@link TokenRules#standard()}). */
    public static DecodeOptions maxLength(int maxLength) {
        return new DecodeOptions(maxLength, TokenRules.standard(), null);
    }

    /** A copy with other token rules, e.g. {@link TokenRules#none()} for a character model. */
    public DecodeOptions withTokens(TokenRules rules) {
        return new DecodeOptions(maxLength, rules, constraint);
    }

    /** A copy with a grammar on the next token. */
    public DecodeOptions withConstraint(Constraint value) {
        return new DecodeOptions(maxLength, tokens, value);
    }
}
