package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * How weights are updated: the updater and its learning rate, L2 regularisation, and gradient
 * clipping by norm or by value (the usual cure for exploding gradients in recurrent networks).
 * Immutable; the {@code with*} methods return modified copies.
 *
 * @param name         {@code adam}, {@code rmsprop}, {@code sgd} or {@code nesterovs}
 * @param learningRate step size, positive
 * @param l2           L2 coefficient on weights, 0 for none
 * @param clipNorm     rescale each layer's gradient to at most this L2 norm, 0 for none
 * @param clipValue    clip each gradient element to {@code [-v, v]}, 0 for none
 */
public record Optimizer(@JsonProperty("name") String name,
                        @JsonProperty("learningRate") double learningRate,
                        @JsonProperty("l2") double l2,
                        @JsonProperty("clipNorm") double clipNorm,
                        @JsonProperty("clipValue") double clipValue) {

    @JsonCreator
    public Optimizer {
        SpecException.require(name != null && switch (name) {
            case "adam", "rmsprop", "sgd", "nesterovs" -> true;
            default -> false;
        }, "optimizer must be adam, rmsprop, sgd or nesterovs, got %s", name);
        SpecException.require(learningRate > 0 && Double.isFinite(learningRate),
                "learning rate must be positive, got %s", learningRate);
        SpecException.require(l2 >= 0, "l2 must be >= 0, got %s", l2);
        SpecException.require(clipNorm >= 0 && clipValue >= 0, "clipping thresholds must be >= 0");
        SpecException.require(clipNorm == 0 || clipValue == 0,
                "choose one of clipNorm (%s) and clipValue (%s), not both", clipNorm, clipValue);
    }

    /** Adam with the given learning rate. */
    public static Optimizer adam(double learningRate) {
        return new Optimizer("adam", learningRate, 0, 0, 0);
    }

    /** RMSProp with the given learning rate. */
    public static Optimizer rmsprop(double learningRate) {
        return new Optimizer("rmsprop", learningRate, 0, 0, 0);
    }

    /** Plain stochastic gradient descent. */
    public static Optimizer sgd(double learningRate) {
        return new Optimizer("sgd", learningRate, 0, 0, 0);
    }

    /** SGD with Nesterov momentum 0.9. */
    public static Optimizer nesterovs(double learningRate) {
        return new Optimizer("nesterovs", learningRate, 0, 0, 0);
    }

    public Optimizer withLearningRate(double rate) {
        return new Optimizer(name, rate, l2, clipNorm, clipValue);
    }

    public Optimizer withL2(double coefficient) {
        return new Optimizer(name, learningRate, coefficient, clipNorm, clipValue);
    }

    /** Clips each layer's gradient to an L2 norm of at most {@code norm}. */
    public Optimizer withClipNorm(double norm) {
        return new Optimizer(name, learningRate, l2, norm, 0);
    }

    /** Clips each gradient element to {@code [-value, value]}. */
    public Optimizer withClipValue(double value) {
        return new Optimizer(name, learningRate, l2, 0, value);
    }

    /** The DL4J updater. */
    public IUpdater updater() {
        return switch (name) {
            case "adam" -> new Adam(learningRate);
            case "rmsprop" -> new RmsProp(learningRate);
            case "sgd" -> new Sgd(learningRate);
            default -> new Nesterovs(learningRate, 0.9);
        };
    }
}
