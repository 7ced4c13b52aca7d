package org.rnnkit.apps.music;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnnkit music}: groups {@code train}, {@code generate} and {@code eval}. */
@Command(name = "music", mixinStandardHelpOptions = true,
        description = {"Melody generation (one-to-many): train a melody language model, generate tunes, evaluate it.",
                "",
                "  rnnkit music train --out runs/tunes                    (the shipped tunes)",
                "  rnnkit music generate --model runs/tunes/model.zip --out tune.mid --wav tune.wav --png tune.png",
                "  rnnkit music eval --model runs/tunes/model.zip"},
        subcommands = {TrainCommand.class, GenerateCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class MusicCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: print the usage and fail, as there is nothing to run. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: train, generate or eval");
    }
}
