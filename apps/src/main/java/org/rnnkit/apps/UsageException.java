package org.rnnkit.apps;

/**
 * A command's arguments cannot be used (an empty text, an output folder that is a file): the user can fix it, so
 * the command line reports the message in one line without a stack trace. Throw it for argument problems a
 * picocli option type cannot catch while parsing.
 */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
