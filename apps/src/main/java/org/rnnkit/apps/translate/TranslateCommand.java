package org.rnnkit.apps.translate;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rnnkit translate}: groups {@code train}, {@code eval} and {@code run}. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Translation (encoder-decoder with attention): train, evaluate with BLEU, translate text.",
                "",
                "  rnnkit translate train --out runs/translate       (rnnkit's generated English-French corpus)",
                "  rnnkit translate eval --model runs/translate/model.zip --beam 4",
                "  rnnkit translate run --model runs/translate/model.zip \"The small cats see my red car.\""},
        subcommands = {TrainCommand.class, EvalCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class TranslateCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: print the usage and fail, as there is nothing to run. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: train, eval or run");
    }
}
