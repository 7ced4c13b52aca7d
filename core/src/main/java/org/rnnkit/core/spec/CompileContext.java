package org.rnnkit.core.spec;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.Layer;

/** What a {@link LayerSpec} sees while it is compiled: the input, and a stack of DL4J layers to extend. */
public interface CompileContext {

    /** The model's input. */
    InputSpec input();

    /** What flows into the layer being compiled. */
    Shape shape();

    /** Random seed of the model, for layers that need their own. */
    long seed();

    /** Appends a DL4J layer; its {@code nIn} is inferred when left unset. */
    void add(Layer layer);

    /**
     * Applies a DL4J training-time perturbation (dropout, Gaussian noise, …) to the input of the next
     * layer added. This is how a dropout "layer" compiles: DL4J's own {@code DropoutLayer} fails in
     * training when a sequence mask is present.
     */
    void perturbNextInput(IDropout perturbation);

    /** Replaces the last DL4J layer, e.g. to wrap it; fails if there is none. */
    void replaceLast(UnaryOperator<Layer> wrapper);

    /** The most recently added DL4J layer, or {@code null}. */
    Layer last();
}
