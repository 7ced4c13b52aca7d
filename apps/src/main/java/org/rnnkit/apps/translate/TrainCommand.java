package org.rnnkit.apps.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnkit.apps.SettingsOptions;
import org.rnnkit.apps.UsageException;
import org.rnnkit.core.io.AtomicFiles;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingReport;
import org.rnnkit.core.translate.TranslatorSettings;
import org.rnnkit.core.translate.TranslatorTrainer;
import org.rnnkit.datasets.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

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

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for model.zip and metrics.json (created if needed).")
    private Path out;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Keep checkpoints in OUT/checkpoints/: last.zip every N batches and at the end of each "
                    + "epoch, best.zip at each better validation loss (default 0: at epoch ends only with --resume).")
    private int checkpointEvery;

    @Option(names = "--resume", description = "Continue from OUT/checkpoints/last.zip if it exists (same data and "
            + "settings as the run that wrote it).")
    private boolean resume;

    @CommandLine.Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a folder");
        }
        if (checkpointEvery < 0) {
            throw new UsageException("--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        TranslatorSettings settings = SettingsOptions.read(spec, TranslatorSettings.class);
        TrainingConfig config = settings.trainingConfig();
        if (checkpointEvery > 0 || resume) {
            config = config.withCheckpoints(out.resolve("checkpoints")).withCheckpointEvery(checkpointEvery)
                    .withResume(resume);
        }
        TranslatorTrainer.Result result = TranslatorTrainer.train(data.open(), settings, config, System.err);

        Path model = out.resolve("model.zip");
        Path metrics = out.resolve("metrics.json");
        Files.createDirectories(out);
        result.translator().save(model);
        try {
            AtomicFiles.writeString(metrics, Json.pretty(result.metrics()) + "\n");
            TrainingReport.write(result.training(), out);
        } catch (IOException e) {
            for (Path written : List.of(model, metrics, out.resolve(TrainingReport.CHART),
                    out.resolve(TrainingReport.CURVE))) {
                Files.deleteIfExists(written); // all of the run's files or none
            }
            throw e;
        }
        System.out.printf(Locale.ROOT, "validation (greedy): BLEU %.2f, exact match %.4f (best epoch %d of %d, %.0fs)"
                        + "%nwrote %s, %s, %s and %s%n", result.validation().bleu(), result.validation().exactMatch(),
                result.training().bestEpoch(), result.training().history().size(),
                result.training().duration().toMillis() / 1000.0, model, metrics, out.resolve(TrainingReport.CHART),
                out.resolve(TrainingReport.CURVE));
        System.out.println("test it:  rnnkit translate eval --model " + model
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
