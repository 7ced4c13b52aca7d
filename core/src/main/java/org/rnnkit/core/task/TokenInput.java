package org.rnnkit.core.task;

import java.util.List;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.TokenEncoding;

/** Token ids in (e.g. encoded melodies or words): {@code int[]} of any length, each id below the vocabulary size. */
public final class TokenInput implements InputCodec<int[]> {
    private final int vocabularySize;

    /** Reads ids in {@code [0, vocabularySize)}. */
    public TokenInput(int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("vocabulary size must be positive, got " + vocabularySize);
        }
        this.vocabularySize = vocabularySize;
    }

    /** The number of distinct token ids. */
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public SequenceBatcher.Padded encode(List<int[]> sequences) {
        sequences.forEach(this::length);
        return SequenceBatcher.padTokens(sequences, TokenEncoding.INDEX, vocabularySize, 1);
    }

    @Override
    public int length(int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("a token sequence needs at least one token, got none");
        }
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t] < 0 || tokens[t] >= vocabularySize) {
                throw new IllegalArgumentException("token " + t + " is " + tokens[t] + ", outside the vocabulary "
                        + "[0, " + vocabularySize + ")");
            }
        }
        return tokens.length;
    }

    @Override
    public void check(ModelSpec spec) {
        InputSpec in = spec.input();
        if (in.kind() != InputSpec.Kind.TOKENS || in.size() != vocabularySize) {
            throw new IllegalArgumentException("the model must read tokens of a vocabulary of " + vocabularySize
                    + " (InputSpec.tokens(" + vocabularySize + ")), but it reads "
                    + in.kind().name().toLowerCase(java.util.Locale.ROOT) + " of size " + in.size());
        }
    }

    @Override
    public ModelBundle attachTo(ModelBundle bundle) {
        return bundle; // the vocabulary size is the model's input size
    }

    static TokenInput read(PipelineFile file) {
        return new TokenInput(file.model().spec().input().size());
    }
}
