package org.rnnkit.core.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.datasets.SequenceNormalizer;

/**
 * Predicts real values from a whole numeric sequence (many-to-one regression, e.g. the next step of a series):
 * {@code float[step][feature]} in, {@code float[]} (one value per model output) out, in the targets' own units.
 * Targets may be scaled for training by a target normaliser; predictions are scaled back.
 */
public final class SequenceRegressor extends SequencePipeline<float[], float[]> {
    private static final String KIND = "sequence-regressor";

    private final SequenceNormalizer targets;

    private SequenceRegressor(SequenceModel model, VectorInput input, SequenceNormalizer targets) {
        super(KIND, model, input, new RegressionHead(model.spec(), targets));
        this.targets = targets;
    }

    /**
     * A regressor of {@code model} whose inputs are normalised with {@code inputs} and whose targets were scaled
     * with {@code targets} for training (either may be null; for a forecast of the series itself both are
     * usually the series' normaliser).
     */
    public static SequenceRegressor of(SequenceModel model, SequenceNormalizer inputs, SequenceNormalizer targets) {
        return new SequenceRegressor(model, new VectorInput(model.spec().input().size(), inputs), targets);
    }

    /** Reads a file written by {@link #save}. */
    public static SequenceRegressor load(Path file) throws IOException {
        PipelineFile f = PipelineFile.open(file, KIND);
        VectorInput input = VectorInput.read(f);
        SequenceNormalizer targets = RegressionHead.read(f);
        return f.build("pipeline", () -> new SequenceRegressor(f.model(), input, targets));
    }

    /** How targets were scaled for training. */
    public Optional<SequenceNormalizer> targetNormalizer() {
        return Optional.ofNullable(targets);
    }
}
