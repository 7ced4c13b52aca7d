package org.rnnkit.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON form of specs. Layer types are written by name; a downstream layer registers its class here
 * once (it must carry {@code @JsonTypeName}) so saved models that use it can be read back.
 */
public final class SpecJson {

    private static final Set<Class<? extends LayerSpec>> LAYER_TYPES = new LinkedHashSet<>(List.of(
            RecurrentSpec.class, EmbeddingSpec.class, DenseSpec.class, DropoutSpec.class,
            LastStepSpec.class, PoolSpec.class, OutputSpec.class));
    private static volatile ObjectMapper mapper = newMapper();

    private SpecJson() {
    }

    /** Makes a custom {@link LayerSpec} type readable from JSON. */
    public static synchronized void register(Class<? extends LayerSpec> layerType) {
        if (LAYER_TYPES.add(layerType)) {
            // A fresh mapper: Jackson caches subtype resolution once a type has been read.
            mapper = newMapper();
        }
    }

    private static synchronized ObjectMapper newMapper() {
        ObjectMapper m = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.registerSubtypes(LAYER_TYPES.toArray(Class<?>[]::new));
        return m;
    }

    /** Writes any spec value as JSON. */
    public static String write(Object spec) {
        try {
            return mapper.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new SpecException("cannot write spec as JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a spec value; a {@link SpecException} names what was wrong in the JSON. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof SpecException ? e.getCause() : e;
            throw new SpecException("invalid " + type.getSimpleName() + " JSON: "
                    + (cause instanceof SpecException ? cause.getMessage() : e.getOriginalMessage()));
        }
    }
}
