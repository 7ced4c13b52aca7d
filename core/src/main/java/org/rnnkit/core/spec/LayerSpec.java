package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One declared layer of a model: an immutable value that saves as JSON and compiles to DL4J layers.
 *
 * <p>This is rnnkit's extension point. A downstream project implements it (a record is ideal),
 * annotates it with {@code @JsonTypeName("myLayer")}, registers it once with
 * {@link SpecJson#register(Class)} and adds it with {@code builder.layer(new MyLayer(...))}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface LayerSpec {

    /** Checks this layer against what flows into it; throws {@link SpecException} if impossible. */
    default void validate(Shape incoming, InputSpec input) {
    }

    /** Appends this layer's DL4J layers; sizes ({@code nIn}) are left to DL4J's inference. */
    void compile(CompileContext context);

    /** What flows out of this layer, given what flows in. */
    default Shape outputShape(Shape incoming) {
        return incoming;
    }
}
