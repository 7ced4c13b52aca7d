package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * What a model reads: token indices from a vocabulary (followed by an embedding) or dense numeric
 * features, one vector per step. Token input arrives as {@code [batch, time]} (or {@code [batch, 1, time]})
 * indices, dense input as {@code [batch, features, time]}.
 *
 * @param kind  tokens or features
 * @param size  vocabulary size for tokens, number of features per step otherwise
 */
public record InputSpec(@JsonProperty("kind") Kind kind, @JsonProperty("size") int size) {

    /** The two kinds of sequence input. */
    public enum Kind { TOKENS, FEATURES }

    @JsonCreator
    public InputSpec {
        SpecException.require(kind != null, "input kind is required");
        SpecException.require(size > 0, "input size must be positive, got %d", size);
    }

    /** Token indices in {@code [0, vocabularySize)}; the model must start with {@code embedding(n)}. */
    public static InputSpec tokens(int vocabularySize) {
        return new InputSpec(Kind.TOKENS, vocabularySize);
    }

    /** Dense numeric input with {@code features} values per step (a one-hot vector counts). */
    public static InputSpec features(int features) {
        return new InputSpec(Kind.FEATURES, features);
    }

    /**
     * The DL4J input type from which layer sizes are inferred. For tokens it carries the vocabulary
     * size, which is what DL4J's embedding layer takes as its input size.
     */
    public InputType inputType() {
        return InputType.recurrent(size);
    }
}
