package org.rnnkit.datasets.text;

import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.TokenEncoding;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns texts into token-index sequences: tokenise, map through the vocabulary, truncate to {@code maxLength}
 * keeping the start or the end. {@link #features} gives the padded batch the iterator also uses, so a trained
 * model sees text the same way at inference. Immutable.
 */
public final class TextEncoder {

    /** Which part of a long text is kept. */
    public enum Truncation {
        /** Keep the first {@code maxLength} tokens. */
        KEEP_START,
        /** Keep the last {@code maxLength} tokens. */
        KEEP_END
    }

    private final Tokenizer tokenizer;
    private final Vocabulary vocabulary;
    private final int maxLength;
    private final Truncation truncation;

    /** @param maxLength the most tokens kept per text ({@code <= 0}: no limit) */
    public TextEncoder(Tokenizer tokenizer, Vocabulary vocabulary, int maxLength, Truncation truncation) {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.maxLength = maxLength;
        this.truncation = truncation;
    }

    /** The vocabulary used. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The tokenizer used. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The most tokens kept per text ({@code <= 0}: no limit). */
    public int maxLength() {
        return maxLength;
    }

    /** Which part of a longer text is kept. */
    public Truncation truncation() {
        return truncation;
    }

    /** Token indices of a text, truncated; empty when the text has no tokens. */
    public int[] encode(String text) {
        int[] all = vocabulary.encode(tokenizer.tokenize(text));
        if (maxLength <= 0 || all.length <= maxLength) {
            return all;
        }
        return truncation == Truncation.KEEP_START ? java.util.Arrays.copyOfRange(all, 0, maxLength)
                : java.util.Arrays.copyOfRange(all, all.length - maxLength, all.length);
    }

    /**
     * Features for a batch of texts: token indices {@code [mb, 1, T]} (the input DL4J's
     * {@code EmbeddingSequenceLayer} takes) and mask {@code [mb, T]}. Texts without tokens are rejected.
     */
    public SequenceBatcher.Padded features(List<String> texts) {
        List<int[]> encoded = new ArrayList<>(texts.size());
        for (String t : texts) {
            int[] e = encode(t);
            if (e.length == 0) {
                throw new IllegalArgumentException("text has no tokens: \"" + t + "\"");
            }
            encoded.add(e);
        }
        return SequenceBatcher.padTokens(encoded, TokenEncoding.INDEX, vocabulary.size(), 1);
    }

    @Override
    public String toString() {
        return "TextEncoder[" + tokenizer + ", " + vocabulary + ", maxLength " + maxLength + " " + truncation + "]";
    }
}
