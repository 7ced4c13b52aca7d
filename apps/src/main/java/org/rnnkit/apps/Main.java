package org.rnnkit.apps;

import org.rnnkit.apps.music.MusicCommand;
import org.rnnkit.apps.sentiment.SentimentCommand;
import org.rnnkit.apps.translate.TranslateCommand;
import org.rnnkit.core.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rnnkit} command: one entry point for every demo ({@code rnnkit <app> <command> [options]}). */
@Command(name = "rnnkit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Recurrent neural network demos on Deeplearning4j.",
        subcommands = {InfoCommand.class, SentimentCommand.class, TranslateCommand.class, MusicCommand.class,
                SpeedCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (used by tests, which must not exit the JVM). */
    public static int run(String... args) {
        // One native thread unless OMP_NUM_THREADS says otherwise: faster for RNN-sized matrices on 2 cores.
        Environment.useThreads(Environment.threadsFromEnvironment(1));
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        CliErrors.install(cli);
        withVersion(cli, new Version());
        return cli.execute(args);
    }

    /** Every (sub)command answers {@code -V} with rnnkit's version. */
    private static void withVersion(CommandLine command, CommandLine.IVersionProvider version) {
        command.getCommandSpec().versionProvider(version);
        command.getSubcommands().values().forEach(sub -> withVersion(sub, version));
    }

    /** Reports rnnkit's version from its build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rnnkit " + Environment.describe().get("rnnkit")};
        }
    }
}
