package org.rnnkit.apps.music;

import org.rnnkit.apps.SettingsOptions;
import org.rnnkit.apps.UsageException;
import org.rnnkit.core.io.AtomicFiles;
import org.rnnkit.core.music.MelodySettings;
import org.rnnkit.core.music.MelodyTrainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingReport;
import org.rnnkit.datasets.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

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

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for model.zip and metrics.json (created if needed).")
    private Path out;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Keep checkpoints in OUT/checkpoints/: last.zip every N batches and at the end of each "
                    + "epoch, best.zip at each better validation loss (default 0: at epoch ends only when --resume).")
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
        MelodySettings settings = SettingsOptions.read(spec, MelodySettings.class);
        TrainingConfig config = settings.trainingConfig();
        if (checkpointEvery > 0 || resume) {
            config = config.withCheckpoints(out.resolve("checkpoints")).withCheckpointEvery(checkpointEvery)
                    .withResume(resume);
        }
        MelodyTrainer.Result result = MelodyTrainer.train(data.open(settings.stepsPerQuarter(), System.err), settings,
                config, System.err);
        Path model = out.resolve("model.zip");
        Path metrics = out.resolve("metrics.json");
        Files.createDirectories(out);
        result.generator().save(model);
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
        System.out.printf(Locale.ROOT, "validation: %.3f bits per event, perplexity %.2f (bigram baseline %.2f); "
                        + "best epoch %d of %d, %.0fs%nwrote %s, %s, %s and %s%n", result.validation().bitsPerEvent(),
                result.validation().perplexity(), result.validation().bigram().perplexity(),
                result.training().bestEpoch(), result.training().history().size(),
                result.training().duration().toMillis() / 1000.0, model, metrics, out.resolve(TrainingReport.CHART),
                out.resolve(TrainingReport.CURVE));
        System.out.println("next:  rnnkit music generate --model " + model + " --out tune.mid --wav tune.wav");
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
