package org.rnnkit.datasets;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared real data sets: system property {@code rnnkit.data}, else the first {@code shared/data}
 * found walking up from the working directory. Tests skip (Assumptions) when a set is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data folder, or null when not found. */
    public static Path root() {
        String prop = System.getProperty("rnnkit.data");
        if (prop != null) {
            Path p = Paths.get(prop);
            return Files.isDirectory(p) ? p : null;
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The named data set's folder; skips the calling test when it is absent. */
    public static Path require(String name) {
        Path root = root();
        Assumptions.assumeTrue(root != null, "shared data folder not found");
        Path dir = root.resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(dir), "data set " + name + " not present");
        return dir;
    }
}
