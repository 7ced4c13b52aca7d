package org.rnnkit.apps.translate;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnkit.apps.SettingsOptions;
import org.rnnkit.apps.TrainRunOptions;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.translate.TranslatorSettings;
import org.rnnkit.core.translate.TranslatorTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rnnkit translate train}: trains a translator and writes {@code model.zip}, {@code metrics.json} and the
 * loss curve. The training options are generated from {@link TranslatorSettings} (see {@link SettingsOptions}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = TrainCommand.Settings.class,
        description = {"Train an encoder-decoder translator with early stopping and write OUT/model.zip (network, "
                + "both vocabularies, settings, test split), OUT/metrics.json, OUT/loss.png and OUT/training.json.",
                "",
                "Test data is never trained on: a seeded share of the source sentences (--test-fraction, --seed) "
                        + "is held out with all their translations, and the model records that split, so 'eval "
                        + "--data SAME_PATH' (or eval without --data after training on the default corpus) "
                        + "evaluates on exactly the sentences training never saw. Of the rest, "
                        + "--validation-fraction of the sources is held out for early stopping.",
                "The files are written only when training has finished, each atomically. With --checkpoint-every, "
                        + "OUT/checkpoints/ keeps the last state, and --resume continues a killed run from it.", ""})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    private DataOptions data;

    @Mixin
    private TrainRunOptions run;

    @CommandLine.Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TranslatorSettings settings = SettingsOptions.read(spec, TranslatorSettings.class);
        TrainingConfig config = run.configure(settings.trainingConfig());
        TranslatorTrainer.Result result = TranslatorTrainer.train(data.open(), settings, config, System.err);

        run.write(result.translator()::save, result.metrics(), result.training());
        System.out.printf(Locale.ROOT, "validation (greedy): BLEU %.2f, exact match %.4f (best epoch %d of %d, %.0fs)"
                        + "%nwrote %s%n", result.validation().bleu(), result.validation().exactMatch(),
                result.training().bestEpoch(), result.training().history().size(),
                result.training().duration().toMillis() / 1000.0, run.written());
        System.out.println("test it:  rnnkit translate eval --model " + run.model()
                + (data.data == null ? "" : " --data " + data.data) + " --beam 4");
        return 0;
    }

    /** Adds the options of {@link TranslatorSettings}, with its defaults, to this command. */
    static final class Settings implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return SettingsOptions.addTo(command, TranslatorSettings.defaults());
        }
    }
}
