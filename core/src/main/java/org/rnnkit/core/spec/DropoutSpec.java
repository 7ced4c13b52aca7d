package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;

/** Drops each activation with probability {@code rate} during training (inverted dropout). */
@JsonTypeName("dropout")
public record DropoutSpec(@JsonProperty("rate") double rate) implements LayerSpec {

    @JsonCreator
    public DropoutSpec {
        SpecException.require(rate > 0 && rate < 1, "dropout rate must be in (0, 1), got %s", rate);
    }

    @Override
    public void compile(CompileContext context) {
        // DL4J's Dropout takes the probability of keeping an activation.
        context.add(new DropoutLayer.Builder().dropOut(new Dropout(1 - rate)).build());
    }
}
