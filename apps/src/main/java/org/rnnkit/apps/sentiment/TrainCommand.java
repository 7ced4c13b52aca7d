package org.rnnkit.apps.sentiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnkit.apps.TrainingOptions;
import org.rnnkit.apps.UsageException;
import org.rnnkit.core.io.AtomicFiles;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.PoolSpec;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.core.text.TextClassifierSettings;
import org.rnnkit.core.text.TextClassifierTrainer;
import org.rnnkit.datasets.text.TextSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnnkit sentiment train}: trains a classifier and writes {@code model.zip} and {@code metrics.json}. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = TrainCommand.Defaults.class,
        description = {"Train a sentiment classifier with early stopping and write OUT/model.zip and OUT/metrics.json.",
                "",
                "Test data is never trained on. Data with a test split of its own (aclImdb test/, the shipped "
                        + "corpus's held-out file) trains on its training part only. Other data loses a seeded "
                        + "share (--test-fraction, --seed) to testing; the model records that split, so "
                        + "'eval --data SAME_PATH' evaluates on exactly the part training never saw.",
                "Of the rest, --validation is held out for early stopping and the per-epoch validation accuracy. "
                        + "Vocabulary (tokens seen at least --min-frequency times, at most --max-vocabulary) and, "
                        + "unless --max-length is given, the 95th percentile of text lengths (at most 400 tokens; "
                        + "longer texts keep their end) come from the training texts.",
                "Both files are written only when training has finished, each atomically: a failed run leaves "
                        + "nothing half-written in OUT.", ""})
final class TrainCommand implements Callable<Integer> {

    /** Values of {@code --cell}. */
    enum CellChoice {
        GRU(Cell.GRU), LSTM(Cell.LSTM), RNN(Cell.SIMPLE_RNN);

        private final Cell cell;

        CellChoice(Cell cell) {
            this.cell = cell;
        }

        static CellChoice of(Cell cell) {
            for (CellChoice c : values()) {
                if (c.cell == cell) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no --cell value for " + cell);
        }
    }

    /** Values of {@code --pooling}. */
    enum PoolingChoice { MAX, AVG, LAST }

    @Mixin
    private DataOptions data;

    @Option(names = "--test-fraction", paramLabel = "X",
            description = "Share held out for testing when the data has no test split (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    @Option(names = "--validation", paramLabel = "X",
            description = "Share of the training texts used for validation (default: ${DEFAULT-VALUE}).")
    private double validation;

    @Option(names = "--cell", paramLabel = "CELL", description = "gru, lstm or rnn (default: ${DEFAULT-VALUE}).")
    private CellChoice cell;

    // Annotated default, not the provider: picocli negates a negatable option relative to this value.
    @Option(names = "--bidirectional", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Read texts in both directions (default: ${DEFAULT-VALUE}; --no-bidirectional for one).")
    private boolean bidirectional;

    @Option(names = "--layers", paramLabel = "N", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    private int layers;

    @Option(names = "--hidden", paramLabel = "N",
            description = "Units per recurrent layer and direction (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--embedding", paramLabel = "N", description = "Token vector size (default: ${DEFAULT-VALUE}).")
    private int embedding;

    @Option(names = "--pooling", paramLabel = "P",
            description = "max, avg (over real steps) or last (last real step) (default: ${DEFAULT-VALUE}).")
    private PoolingChoice pooling;

    @Option(names = "--dropout", paramLabel = "X", description = "Dropout rate (default: ${DEFAULT-VALUE}).")
    private double dropout;

    @Option(names = "--max-length", paramLabel = "N",
            description = "Tokens kept per text; 0 takes it from the data (default: ${DEFAULT-VALUE}).")
    private int maxLength;

    @Option(names = "--min-frequency", paramLabel = "N",
            description = "Occurrences a token needs to enter the vocabulary (default: ${DEFAULT-VALUE}).")
    private int minFrequency;

    @Option(names = "--max-vocabulary", paramLabel = "N", description = "Vocabulary cap (default: ${DEFAULT-VALUE}).")
    private int maxVocabulary;

    @Mixin
    private TrainingOptions training;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for model.zip and metrics.json (created if needed).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a folder");
        }
        TextClassifierSettings settings = new TextClassifierSettings(cell.cell, bidirectional, layers, hidden,
                embedding, dropout, pooling == PoolingChoice.LAST ? null : PoolSpec.Pooling.valueOf(pooling.name()),
                maxLength, minFrequency, maxVocabulary, training.epochs(), training.batch(), training.learningRate(),
                training.patience(), validation, training.seed());
        TextSource source = data.open();
        TextSource.Part part = source.trainingPart(new HoldOut(testFraction, training.seed()));
        TextClassifierTrainer.Result result = TextClassifierTrainer.train(part, settings, System.err);

        Path model = out.resolve("model.zip");
        Path metrics = out.resolve("metrics.json");
        result.classifier().save(model);
        try {
            AtomicFiles.writeString(metrics, Json.pretty(result.metrics()) + "\n");
        } catch (IOException e) {
            Files.deleteIfExists(model); // both files or neither
            throw e;
        }
        System.out.printf(Locale.ROOT, "validation accuracy %.4f (best epoch %d of %d, %.0fs)%nwrote %s and %s%n",
                result.validation().accuracy(), result.training().bestEpoch(), result.training().history().size(),
                result.training().duration().toMillis() / 1000.0, model, metrics);
        System.out.println("test it:  rnnkit sentiment eval --model " + model
                + (data.data == null ? "" : " --data " + data.data));
        return 0;
    }

    /** Defaults from {@link TextClassifierSettings#defaults()}, so help and library agree. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            if (!(arg instanceof CommandLine.Model.OptionSpec option)) {
                return null;
            }
            TextClassifierSettings d = TextClassifierSettings.defaults();
            return switch (option.longestName()) {
                case "--test-fraction" -> String.valueOf(TextSource.DEFAULT_TEST_FRACTION);
                case "--validation" -> String.valueOf(d.validationFraction());
                case "--cell" -> CellChoice.of(d.cell()).name().toLowerCase(Locale.ROOT);
                case "--layers" -> String.valueOf(d.layers());
                case "--hidden" -> String.valueOf(d.hidden());
                case "--embedding" -> String.valueOf(d.embedding());
                case "--pooling" -> d.pooling() == null ? "last" : d.pooling().name().toLowerCase(Locale.ROOT);
                case "--dropout" -> String.valueOf(d.dropout());
                case "--max-length" -> String.valueOf(d.maxLength());
                case "--min-frequency" -> String.valueOf(d.minFrequency());
                case "--max-vocabulary" -> String.valueOf(d.maxVocabulary());
                case "--epochs" -> String.valueOf(d.epochs());
                case "--batch" -> String.valueOf(d.batch());
                case "--lr" -> String.valueOf(d.learningRate());
                case "--patience" -> String.valueOf(d.patience());
                case "--seed" -> String.valueOf(d.seed());
                default -> null;
            };
        }
    }
}
