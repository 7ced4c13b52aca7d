package org.rnnkit.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON form of specs. Layer types are written by name; a downstream layer registers its class here
 * once (it must carry {@code @JsonTypeName}) so saved models that use it can be read back.
 */
public final class SpecJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static {
        MAPPER.registerSubtypes(RecurrentSpec.class, EmbeddingSpec.class, DenseSpec.class, DropoutSpec.class,
                LastStepSpec.class, PoolSpec.class, OutputSpec.class);
    }

    private SpecJson() {
    }

    /** Makes a custom {@link LayerSpec} type readable from JSON. */
    public static synchronized void register(Class<? extends LayerSpec> layerType) {
        MAPPER.registerSubtypes(layerType);
    }

    /** Writes any spec value as JSON. */
    public static String write(Object spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new SpecException("cannot write spec as JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a spec value; a {@link SpecException} names what was wrong in the JSON. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof SpecException ? e.getCause() : e;
            throw new SpecException("invalid " + type.getSimpleName() + " JSON: "
                    + (cause instanceof SpecException ? cause.getMessage() : e.getOriginalMessage()));
        }
    }
}
