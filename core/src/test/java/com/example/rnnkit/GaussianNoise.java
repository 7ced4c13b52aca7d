package com.example.rnnkit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.rnnkit.core.spec.CompileContext;
import org.rnnkit.core.spec.LayerSpec;
import org.rnnkit.core.spec.SpecException;

/**
 * A downstream project's own layer, written against rnnkit's public API only: additive Gaussian
 * noise on activations during training (a regulariser Keras users know as {@code GaussianNoise}).
 */
@JsonTypeName("gaussianNoise")
public record GaussianNoise(@JsonProperty("stddev") double stddev) implements LayerSpec {

    public GaussianNoise {
        SpecException.require(stddev > 0, "noise standard deviation must be positive, got %s", stddev);
    }

    @Override
    public void compile(CompileContext context) {
        context.perturbNextInput(new org.deeplearning4j.nn.conf.dropout.GaussianNoise(stddev));
    }
}
