package org.rnnkit.core.train;

import java.io.IOException;
import java.nio.file.Path;
import org.rnnkit.core.io.AtomicFiles;

/**
 * What every training run leaves in its output folder: {@value #CHART} (training and validation loss per epoch)
 * and {@value #CURVE} ({@link TrainingResult#toJson()}), each written atomically. Demos' {@code train} commands
 * call {@link #write} once training has finished.
 */
public final class TrainingReport {
    /** File name of the loss chart. */
    public static final String CHART = "loss.png";
    /** File name of the loss curve and training outcome as JSON. */
    public static final String CURVE = "training.json";

    private TrainingReport() {
    }

    /** Writes {@value #CHART} and {@value #CURVE} into {@code outDir} (created if needed). */
    public static void write(TrainingResult result, Path outDir) throws IOException {
        LossChart.write(result, outDir.resolve(CHART));
        AtomicFiles.writeString(outDir.resolve(CURVE), result.toJson() + "\n");
    }
}
