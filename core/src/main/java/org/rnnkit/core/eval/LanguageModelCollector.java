package org.rnnkit.core.eval;

/**
 * Gathers the probability a language model gave each actual next token (real steps only) into an
 * {@link EvaluationReport} with cross-entropy, perplexity and bits per token. Not thread-safe.
 */
public final class LanguageModelCollector {
    /** Floor on a probability, so one token the model ruled out gives a large but finite loss. */
    private static final double FLOOR = 1e-12;

    private long examples;
    private long tokens;
    private double negativeLogLikelihood;

    /** Adds one step: the probability the model gave the token that actually came next. */
    public LanguageModelCollector add(double probabilityOfActual) {
        if (!(probabilityOfActual >= 0 && probabilityOfActual <= 1 + 1e-6)) {
            throw new IllegalArgumentException("a probability must be in [0, 1], got " + probabilityOfActual);
        }
        negativeLogLikelihood -= Math.log(Math.max(FLOOR, probabilityOfActual));
        tokens++;
        return this;
    }

    /** Counts one more sequence. */
    public LanguageModelCollector sequence() {
        examples++;
        return this;
    }

    /** The report of everything added; fails when nothing was. */
    public EvaluationReport report() {
        return EvaluationReport.tokens(examples, tokens, tokens == 0 ? Double.NaN : negativeLogLikelihood / tokens);
    }
}
