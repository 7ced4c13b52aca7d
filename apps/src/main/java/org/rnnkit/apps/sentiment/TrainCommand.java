package org.rnnkit.apps.sentiment;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnkit.apps.SettingsOptions;
import org.rnnkit.apps.TrainRunOptions;
import org.rnnkit.apps.UsageException;
import org.rnnkit.core.text.TextClassifierSettings;
import org.rnnkit.core.text.TextClassifierTrainer;
import org.rnnkit.core.train.TrainingCluster;
import org.rnnkit.core.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code rnnkit sentiment train}: trains a classifier and writes {@code model.zip} and {@code metrics.json}. The
 * training options are generated from {@link TextClassifierSettings} (see {@link SettingsOptions}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = TrainCommand.Settings.class,
        description = {"Train a sentiment classifier with early stopping and write OUT/model.zip, OUT/metrics.json "
                + "(settings, data, per-epoch curve, validation metrics), OUT/loss.png and OUT/training.json.",
                "",
                "Test data is never trained on. Data with a test split of its own (aclImdb test/, the shipped "
                        + "corpus's held-out file) trains on its training part only. Other data loses a seeded "
                        + "share (--test-fraction, --seed) to testing; the model records that split, so "
                        + "'eval --data SAME_PATH' evaluates on exactly the part training never saw.",
                "Of the rest, --validation-fraction is held out for early stopping and the per-epoch validation "
                        + "accuracy. Vocabulary and, unless --max-length is given, the maximum length come from the "
                        + "training texts.",
                "The files are written only when training has finished, each atomically: a failed run leaves "
                        + "nothing half-written in OUT. With --checkpoint-every, OUT/checkpoints/ keeps the last "
                        + "state, and --resume continues a killed run from it.", ""})
final class TrainCommand implements Callable<Integer> {

    @Mixin
    private DataOptions data;

    @Mixin
    private TrainRunOptions run;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Train on Apache Spark at this master URL (local[2], spark://host:7077, yarn) with DL4J's "
                    + "parameter averaging; validation and early stopping run here. Needs the optional rnnkit-spark "
                    + "module, which the rnnkit launcher builds and adds when this option is given.")
    private String spark;

    @CommandLine.Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TextClassifierSettings settings = SettingsOptions.read(spec, TextClassifierSettings.class);
        TrainingConfig config = run.configure(settings.trainingConfig());
        if (spark != null) {
            if (run.checkpointEvery() > 0) {
                throw new UsageException("--checkpoint-every does not combine with --spark: a Spark pass is one "
                        + "step here, so checkpoints are written at epoch ends (--resume alone keeps them)");
            }
            config = config.withRunner(TrainingCluster.named("spark").orElseThrow(() -> new UsageException(
                    "--spark needs the rnnkit-spark module on the classpath: run through ./rnnkit, which adds it "
                            + "when --spark is given, or build it with mvn -Pspark")).runner(spark));
        }
        TextClassifierTrainer.Result result = TextClassifierTrainer.train(data.open(), settings, config, System.err);

        run.write(result.classifier()::save, result.metrics(), result.training());
        // With an n-gram path the combined figure is optimistic (its weights were fitted on these texts).
        String network = result.classifier().ngramPath().isEmpty() ? ""
                : String.format(Locale.ROOT, ", network alone %.4f", result.networkValidation().accuracy());
        System.out.printf(Locale.ROOT, "validation accuracy %.4f%s (best epoch %d of %d, %.0fs%s)%nwrote %s%n",
                result.validation().accuracy(), network, result.training().bestEpoch(),
                result.training().history().size(), result.training().duration().toMillis() / 1000.0,
                spark == null ? "" : " on Spark at " + spark, run.written());
        System.out.println("test it:  rnnkit sentiment eval --model " + run.model()
                + (data.data == null ? "" : " --data " + data.data));
        return 0;
    }

    /** Adds the options of {@link TextClassifierSettings}, with its defaults, to this command. */
    static final class Settings implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return SettingsOptions.addTo(command, TextClassifierSettings.defaults());
        }
    }
}
