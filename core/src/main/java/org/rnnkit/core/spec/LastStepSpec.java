package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;

/**
 * Many-to-one reduction: keeps the output of the last <em>real</em> step of each sequence (the mask
 * decides which step that is), so padding never leaks into the result.
 */
@JsonTypeName("lastStep")
public record LastStepSpec() implements LayerSpec {

    @Override
    public void validate(Shape incoming, InputSpec input) {
        SpecException.require(incoming == Shape.SEQUENCE, "lastStep() needs a sequence, but it was already reduced");
    }

    @Override
    public void compile(CompileContext context) {
        SpecException.require(context.last() != null, "lastStep() must follow a recurrent layer");
        context.replaceLast(LastTimeStep::new);
    }

    @Override
    public Shape outputShape(Shape incoming) {
        return Shape.VECTOR;
    }
}
