package org.rnnkit.core.spec;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON form of specs. Layer types are written by name; a downstream layer registers its class here
 * once (it must carry {@code @JsonTypeName}) so saved models that use it can be read back.
 *
 * <p>Safe to use from any thread: every read and write works on one immutable snapshot of the registered types
 * (with its own Jackson mapper), and registering publishes a new snapshot. Registering is idempotent; a second
 * class claiming a type name already taken is refused, so no extension can silently replace another's layer.
 */
public final class SpecJson {

    /** The registered layer types by JSON type name, and the mapper that knows exactly those. */
    private record Registry(Map<String, Class<? extends LayerSpec>> types, ObjectMapper mapper) {
        Registry with(Class<? extends LayerSpec> type) {
            Map<String, Class<? extends LayerSpec>> copy = new LinkedHashMap<>(types);
            copy.put(typeName(type), type);
            return of(copy);
        }

        static Registry of(Map<String, Class<? extends LayerSpec>> types) {
            // A fresh mapper per snapshot: Jackson caches subtype resolution once a type has been read.
            ObjectMapper m = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            m.registerSubtypes(types.values().toArray(Class<?>[]::new));
            return new Registry(Map.copyOf(types), m);
        }
    }

    private static volatile Registry registry = builtIns();

    private SpecJson() {
    }

    private static Registry builtIns() {
        Map<String, Class<? extends LayerSpec>> types = new LinkedHashMap<>();
        for (Class<? extends LayerSpec> type : List.of(RecurrentSpec.class, EmbeddingSpec.class, DenseSpec.class,
                DropoutSpec.class, LastStepSpec.class, PoolSpec.class, OutputSpec.class)) {
            types.put(typeName(type), type);
        }
        return Registry.of(types);
    }

    /**
     * Makes a custom {@link LayerSpec} type readable from JSON. Registering the same class again does nothing; a
     * different class under a type name that is already taken fails with a {@link SpecException}.
     */
    public static synchronized void register(Class<? extends LayerSpec> layerType) {
        String name = typeName(layerType);
        Class<? extends LayerSpec> existing = registry.types().get(name);
        if (existing == layerType) {
            return;
        }
        if (existing != null) {
            throw new SpecException("layer type name '" + name + "' of " + layerType.getName()
                    + " is already registered for " + existing.getName() + "; choose another @JsonTypeName");
        }
        registry = registry.with(layerType);
    }

    /** The registered layer types by JSON type name: an immutable snapshot. */
    public static Map<String, Class<? extends LayerSpec>> layerTypes() {
        return registry.types();
    }

    private static String typeName(Class<? extends LayerSpec> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        if (name == null || name.value().isBlank()) {
            throw new SpecException(type.getName() + " needs @JsonTypeName(\"...\") to be saved and read as JSON");
        }
        return name.value();
    }

    /** Writes any spec value as JSON. */
    public static String write(Object spec) {
        try {
            return registry.mapper().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new SpecException("cannot write spec as JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads a spec value; a {@link SpecException} names what was wrong in the JSON. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return registry.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof SpecException ? e.getCause() : e;
            throw new SpecException("invalid " + type.getSimpleName() + " JSON: "
                    + (cause instanceof SpecException ? cause.getMessage() : e.getOriginalMessage()));
        }
    }
}
