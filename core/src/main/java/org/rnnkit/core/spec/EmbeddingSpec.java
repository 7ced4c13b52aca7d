package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;

/** A learned vector of {@code units} values for every token index of the input vocabulary. */
@JsonTypeName("embedding")
public record EmbeddingSpec(@JsonProperty("units") int units) implements LayerSpec {

    @JsonCreator
    public EmbeddingSpec {
        SpecException.require(units > 0, "embedding needs a positive number of units, got %d", units);
    }

    @Override
    public void validate(Shape incoming, InputSpec input) {
        SpecException.require(input.kind() == InputSpec.Kind.TOKENS,
                "embedding(%d) needs token input (Input.tokens(vocabularySize)), but the input is %d dense features",
                units, input.size());
    }

    @Override
    public void compile(CompileContext context) {
        SpecException.require(context.last() == null, "embedding must be the first layer");
        context.add(new EmbeddingSequenceLayer.Builder().nIn(context.input().size()).nOut(units).build());
    }
}
