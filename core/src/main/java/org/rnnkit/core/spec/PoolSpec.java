package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/** Many-to-one reduction by pooling over the real steps only (max, average or sum). */
@JsonTypeName("pool")
public record PoolSpec(@JsonProperty("pooling") Pooling pooling) implements LayerSpec {

    /** How steps are combined. */
    public enum Pooling { MAX, AVG, SUM }

    @JsonCreator
    public PoolSpec {
        SpecException.require(pooling != null, "pooling type is required (MAX, AVG or SUM)");
    }

    @Override
    public void validate(Shape incoming, InputSpec input) {
        SpecException.require(incoming == Shape.SEQUENCE, "pool(%s) needs a sequence, but it was already reduced", pooling);
    }

    @Override
    public void compile(CompileContext context) {
        context.add(new GlobalPoolingLayer.Builder(PoolingType.valueOf(pooling.name())).build());
    }

    @Override
    public Shape outputShape(Shape incoming) {
        return Shape.VECTOR;
    }
}
