package org.rnnkit.apps;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rnnkit.core.io.AtomicFiles;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingReport;
import org.rnnkit.core.train.TrainingResult;
import org.rnnkit.datasets.Json;
import picocli.CommandLine.Option;

/**
 * The options every demo's {@code train} command shares ({@code --out}, {@code --checkpoint-every},
 * {@code --resume}) and the one way a finished run is written: the model, {@code metrics.json} and the training
 * report, each atomically, and all of them or none.
 */
public final class TrainRunOptions {

    /** Writes a trained model to a file (a pipeline's {@code save}). */
    @FunctionalInterface
    public interface ModelWriter {
        void save(Path file) throws IOException;
    }

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for model.zip and metrics.json (created if needed).")
    private Path out;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Keep checkpoints in OUT/checkpoints/: last.zip every N batches and at the end of each "
                    + "epoch, best.zip at each better validation score (default 0: at epoch ends, and only with "
                    + "--resume).")
    private int checkpointEvery;

    @Option(names = "--resume", description = "Continue from OUT/checkpoints/last.zip if it exists (same data and "
            + "settings as the run that wrote it).")
    private boolean resume;

    public Path out() {
        return out;
    }

    public Path model() {
        return out.resolve("model.zip");
    }

    public Path metrics() {
        return out.resolve("metrics.json");
    }

    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** {@code base} with this run's checkpoints and resume, after checking the options. */
    public TrainingConfig configure(TrainingConfig base) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a folder");
        }
        if (checkpointEvery < 0) {
            throw new UsageException("--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        if (checkpointEvery == 0 && !resume) {
            return base;
        }
        return base.withCheckpoints(out.resolve("checkpoints")).withCheckpointEvery(checkpointEvery)
                .withResume(resume);
    }

    /** Writes the model, the metrics as JSON and the training report into {@code --out}; on failure none of them. */
    public void write(ModelWriter model, JsonNode metrics, TrainingResult training) throws IOException {
        Files.createDirectories(out);
        model.save(model());
        try {
            AtomicFiles.writeString(metrics(), Json.pretty(metrics) + "\n");
            TrainingReport.write(training, out);
        } catch (IOException e) {
            for (Path written : List.of(model(), metrics(), out.resolve(TrainingReport.CHART),
                    out.resolve(TrainingReport.CURVE))) {
                Files.deleteIfExists(written);
            }
            throw e;
        }
    }

    /** The files {@link #write} wrote, for the command's last line. */
    public String written() {
        return model() + ", " + metrics() + ", " + out.resolve(TrainingReport.CHART) + " and "
                + out.resolve(TrainingReport.CURVE);
    }
}
