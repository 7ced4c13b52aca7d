package org.rnnkit.apps.sentiment;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnnkit sentiment}: groups {@code train}, {@code eval} and {@code predict}. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"Sentiment of reviews (many-to-one): train a recurrent classifier, evaluate it, predict.",
                "",
                "  rnnkit sentiment train --out runs/demo          (the shipped corpus)",
                "  rnnkit sentiment eval --model runs/demo/model.zip",
                "  rnnkit sentiment predict --model runs/demo/model.zip \"not bad at all\""},
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, CommandLine.HelpCommand.class})
public final class SentimentCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: print the usage and fail, as there is nothing to run. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: train, eval or predict");
    }
}
