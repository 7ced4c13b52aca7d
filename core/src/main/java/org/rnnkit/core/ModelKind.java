package org.rnnkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * How one kind of {@link RnnModel} is read back from a bundle. The bundle records {@link #name()} and calls
 * {@link #read} with what {@link RnnModel#writeNetwork} wrote. Kinds are discovered with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/org.rnnkit.core.ModelKind}), so a new model
 * kind, even one from another jar, is one class plus one line there; nothing in rnnkit is edited.
 */
public interface ModelKind {

    /** The name written into bundles, e.g. {@code "sequence"}; never change it once models are saved. */
    String name();

    /** Rebuilds a model from its declaration (JSON) and its saved network. */
    RnnModel read(String specJson, InputStream network) throws IOException;

    /** The kind called {@code name}, if one is installed. */
    static Optional<ModelKind> named(String name) {
        return Optional.ofNullable(ModelKinds.INSTALLED.get(name));
    }

    /** The names of all installed kinds, for error messages. */
    static java.util.Set<String> names() {
        return ModelKinds.INSTALLED.keySet();
    }
}
