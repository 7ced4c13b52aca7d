package org.rnnkit.apps;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.train.TrainingDivergedException;
import org.rnnkit.datasets.DataFormatException;
import picocli.CommandLine;

/**
 * How the {@code rnnkit} command reports failures: one line {@code rnnkit <app>: <message>} on standard error
 * and a non-zero exit code. Bad input never shows a stack trace: rnnkit's own exceptions for it (unusable data,
 * impossible declarations or settings, unreadable model files, diverged training, unusable arguments) and I/O
 * failures, whose messages name the file. Anything else is a bug and prints its stack trace, even an
 * {@code IllegalArgumentException}: a library's broken precondition must not pass for a user's mistake.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    /** Exit code for bad input: data, model files, option values. */
    static final int BAD_INPUT = 1;
    /** Exit code for an unexpected internal failure. */
    static final int INTERNAL = 70;

    static void install(CommandLine cli) {
        CliErrors errors = new CliErrors();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (isUserError(e)) {
            err.println(prefix(cmd) + ": " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        err.println(prefix(cmd) + ": internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return INTERNAL;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(prefix(cmd) + ": " + e.getMessage());
        err.println("(see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static boolean isUserError(Exception e) {
        return e instanceof DataFormatException || e instanceof SpecException || e instanceof UsageException
                || e instanceof TrainingDivergedException || e instanceof IOException // ModelFileException included
                || e instanceof UncheckedIOException;
    }

    /** "rnnkit sentiment" for any command under the sentiment app; "rnnkit" for the root. */
    private static String prefix(CommandLine cmd) {
        CommandLine app = cmd;
        while (app.getParent() != null && app.getParent().getParent() != null) {
            app = app.getParent();
        }
        return app.getParent() == null ? app.getCommandName()
                : app.getParent().getCommandName() + " " + app.getCommandName();
    }
}
