package org.rnnkit.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The installed {@link ModelKind}s by name, found once; two kinds claiming one name is a packaging error. */
final class ModelKinds {
    static final Map<String, ModelKind> INSTALLED = load();

    private ModelKinds() {
    }

    private static Map<String, ModelKind> load() {
        Map<String, ModelKind> kinds = new LinkedHashMap<>();
        for (ModelKind kind : ServiceLoader.load(ModelKind.class, ModelKind.class.getClassLoader())) {
            ModelKind other = kinds.putIfAbsent(kind.name(), kind);
            if (other != null && other.getClass() != kind.getClass()) {
                throw new IllegalStateException("model kind '" + kind.name() + "' is provided twice: by "
                        + other.getClass().getName() + " and " + kind.getClass().getName());
            }
        }
        return java.util.Collections.unmodifiableMap(kinds);
    }
}
