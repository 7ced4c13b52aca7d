package org.rnnkit.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be read: missing, not an rnnkit model, or corrupt. The message names the file. */
public class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
