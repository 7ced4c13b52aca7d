package org.rnnkit.core.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.eval.RegressionCollector;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.OutputSpec;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;
import org.rnnkit.datasets.SequenceNormalizer;

/**
 * Predicts real values from a whole numeric sequence (many-to-one regression, e.g. the next step of a series):
 * {@code float[step][feature]} in, {@code float[]} (one value per model output) out, in the targets' own units.
 * Targets may be scaled for training by a target normaliser; predictions are scaled back.
 */
public final class SequenceRegressor extends SequencePipeline<float[], float[]> {
    private static final String KIND = "sequence-regressor";
    private static final String TARGETS = "target-normalizer.json";

    private final SequenceNormalizer targets;

    private SequenceRegressor(SequenceModel model, VectorInput input, SequenceNormalizer targets) {
        super(model, input);
        OutputSpec head = model.spec().output();
        if (head.kind() != OutputSpec.Kind.LINEAR || model.spec().outputShape() != Shape.VECTOR) {
            throw new IllegalArgumentException("a regressor needs a model with one linear output per sequence "
                    + "(lastStep() or pool(...), then regression(n)), but it ends in "
                    + head.kind().name().toLowerCase(java.util.Locale.ROOT) + "(" + head.units() + ") per "
                    + (model.spec().outputShape() == Shape.VECTOR ? "sequence" : "step"));
        }
        if (targets != null && targets.features() != head.units()) {
            throw new IllegalArgumentException("the target normalizer was fitted on " + targets.features()
                    + " values, but the model predicts " + head.units());
        }
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
        SequenceNormalizer targets = f.readOptional(TARGETS, SequenceNormalizer::fromJson).orElse(null);
        return f.build("pipeline", () -> new SequenceRegressor(f.model(), input, targets));
    }

    /** How targets were scaled for training. */
    public Optional<SequenceNormalizer> targetNormalizer() {
        return Optional.ofNullable(targets);
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    float[] decode(BatchOutput batch, int row) {
        double[] out = batch.row(row);
        float[] values = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            values[i] = (float) out[i];
        }
        return targets == null ? values : targets.revert(new float[][] {values})[0];
    }

    @Override
    Scorer<float[]> scorer() {
        RegressionCollector collector = new RegressionCollector();
        int units = model().spec().output().units();
        return new Scorer<>() {
            @Override
            public void add(BatchOutput batch, int row, float[] target, int index) {
                if (target == null || target.length != units) {
                    throw new IllegalArgumentException("target of input " + index + " has "
                            + (target == null ? 0 : target.length) + " values, the model predicts " + units);
                }
                collector.add(toDouble(decode(batch, row)), toDouble(target));
            }

            @Override
            public EvaluationReport report() {
                return collector.report();
            }
        };
    }

    @Override
    ModelBundle attachOutputs(ModelBundle bundle) {
        return targets == null ? bundle : bundle.withText(TARGETS, targets.toJson());
    }

    @Override
    float[] target(SequenceExample x, SequenceDataset data) {
        return x.labels()[0];
    }

    @Override
    float[][] trainingLabels(float[][] labels) {
        return targets == null ? labels : targets.transform(labels);
    }

    @Override
    void checkLabels(SequenceDataset data, boolean training) {
        if (data.classes().isPresent()) {
            throw new IllegalArgumentException(data.name() + " is labelled with classes " + data.classes().get()
                    .names() + ", not real values: use a SequenceClassifier");
        }
    }
}
