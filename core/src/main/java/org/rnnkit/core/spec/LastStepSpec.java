package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.rnnkit.core.layers.BidirectionalLastStep;
import org.rnnkit.core.layers.MaskedBidirectional;

/**
 * Many-to-one reduction: keeps the output of the last <em>real</em> step of each sequence (the mask
 * decides which step that is), so padding never leaks into the result. After a bidirectional layer it
 * takes, as Keras does, the forward direction's last real step and the backward direction's first one,
 * the two places where each direction has read the whole sequence.
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
        if (context.last() instanceof MaskedBidirectional bidirectional) {
            SpecException.require(bidirectional.getMode() == Bidirectional.Mode.CONCAT,
                    "lastStep() after a bidirectional layer needs merge CONCAT, to keep each direction's final "
                            + "output apart; with %s use pool(...) instead", bidirectional.getMode());
            context.add(new BidirectionalLastStep());
        } else {
            context.replaceLast(LastTimeStep::new);
        }
    }

    @Override
    public Shape outputShape(Shape incoming) {
        return Shape.VECTOR;
    }
}
