package org.rnnkit.apps.music;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnkit.apps.SettingsOptions;
import org.rnnkit.apps.TrainRunOptions;
import org.rnnkit.core.music.MelodySettings;
import org.rnnkit.core.music.MelodyTrainer;
import org.rnnkit.core.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rnnkit music train}: trains a melody language model and writes {@code model.zip}, {@code metrics.json} and
 * the loss curve. The training options are generated from {@link MelodySettings} (see {@link SettingsOptions}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = TrainCommand.Settings.class,
        description = {"Train a melody language model with early stopping and write OUT/model.zip (network, codec, "
                + "settings, training tunes), OUT/metrics.json (settings, data, per-epoch curve with validation bits "
                + "per event, validation figures), OUT/loss.png and OUT/training.json.",
                "",
                "Tunes become one token per note or rest (pitch x duration), moved to C major or A minor unless "
                        + "--no-common-key. A seeded share of the tunes (--test-fraction, --seed) is never trained on: "
                        + "'eval' with the same data evaluates exactly that part. Of the rest, --validation-fraction "
                        + "is held out for early stopping. Training reads the tunes as long streams, in a new order "
                        + "every epoch, with truncated BPTT: gradients over --window events, the state carried across "
                        + "the windows of a --row-length row.",
                "The files are written only when training has finished, each atomically. With --checkpoint-every, "
                        + "OUT/checkpoints/ keeps the last state, and --resume continues a killed run from it.", ""})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    private MidiOptions data;

    @Mixin
    private TrainRunOptions run;

    @CommandLine.Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        MelodySettings settings = SettingsOptions.read(spec, MelodySettings.class);
        TrainingConfig config = run.configure(settings.trainingConfig());
        MelodyTrainer.Result result = MelodyTrainer.train(data.open(settings.stepsPerQuarter(), System.err), settings,
                config, System.err);
        run.write(result.generator()::save, result.metrics(), result.training());
        System.out.printf(Locale.ROOT, "validation: %.3f bits per event, perplexity %.2f (bigram baseline %.2f); "
                        + "best epoch %d of %d, %.0fs%nwrote %s%n", result.validation().bitsPerEvent(),
                result.validation().perplexity(), result.validation().bigram().perplexity(),
                result.training().bestEpoch(), result.training().history().size(),
                result.training().duration().toMillis() / 1000.0, run.written());
        System.out.println("next:  rnnkit music generate --model " + run.model() + " --out tune.mid --wav tune.wav");
        return 0;
    }

    /** Adds the options of {@link MelodySettings}, with its defaults, to this command. */
    static final class Settings implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return SettingsOptions.addTo(command, MelodySettings.defaults());
        }
    }
}
