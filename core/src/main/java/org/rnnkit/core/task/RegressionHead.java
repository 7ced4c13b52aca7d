package org.rnnkit.core.task;

import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.eval.RegressionCollector;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.OutputSpec;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;
import org.rnnkit.datasets.SequenceNormalizer;

/**
 * Real values per sequence, the output side of {@link SequenceRegressor}: predictions are scaled back from the
 * target normaliser's units (when training scaled the targets), so they and the scores are in the data's units.
 */
final class RegressionHead implements SequenceHead<float[], float[]> {
    private static final String TARGETS = "target-normalizer.json";

    private final SequenceNormalizer targets;
    private final int units;

    /** @param targets how targets were scaled for training, or null */
    RegressionHead(ModelSpec spec, SequenceNormalizer targets) {
        OutputSpec head = spec.output();
        if (head.kind() != OutputSpec.Kind.LINEAR || spec.outputShape() != Shape.VECTOR) {
            throw new IllegalArgumentException("a regressor needs a model with one linear output per sequence "
                    + "(lastStep() or pool(...), then regression(n)), but it ends in "
                    + head.kind().name().toLowerCase(java.util.Locale.ROOT) + "(" + head.units() + ") per "
                    + (spec.outputShape() == Shape.VECTOR ? "sequence" : "step"));
        }
        if (targets != null && targets.features() != head.units()) {
            throw new IllegalArgumentException("the target normalizer was fitted on " + targets.features()
                    + " values, but the model predicts " + head.units());
        }
        this.targets = targets;
        this.units = head.units();
    }

    /** The target normaliser saved by {@link #attachTo}, or null when there was none. */
    static SequenceNormalizer read(PipelineFile file) throws ModelFileException {
        return file.readOptional(TARGETS, SequenceNormalizer::fromJson).orElse(null);
    }

    @Override
    public float[] decode(BatchOutput batch, int row) {
        double[] out = batch.row(row);
        float[] values = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            values[i] = (float) out[i];
        }
        return targets == null ? values : targets.revert(new float[][] {values})[0];
    }

    @Override
    public Pipeline.Scorer<float[]> scorer() {
        RegressionCollector collector = new RegressionCollector();
        return new Pipeline.Scorer<>() {
            @Override
            public void add(BatchOutput batch, int row, float[] target, int index) {
                if (target == null || target.length != units) {
                    throw new IllegalArgumentException("target of input " + index + " has "
                            + (target == null ? 0 : target.length) + " values, the model predicts " + units);
                }
                collector.add(SequencePipeline.toDouble(decode(batch, row)), SequencePipeline.toDouble(target));
            }

            @Override
            public EvaluationReport report() {
                return collector.report();
            }
        };
    }

    @Override
    public ModelBundle attachTo(ModelBundle bundle) {
        return targets == null ? bundle : bundle.withText(TARGETS, targets.toJson());
    }

    @Override
    public float[] target(SequenceExample x, SequenceDataset data) {
        return x.labels()[0];
    }

    @Override
    public float[][] trainingLabels(float[][] labels) {
        return targets == null ? labels : targets.transform(labels);
    }

    @Override
    public void checkLabels(SequenceDataset data, boolean training) {
        if (data.classes().isPresent()) {
            throw new IllegalArgumentException(data.name() + " is labelled with classes " + data.classes().get()
                    .names() + ", not real values: use a SequenceClassifier");
        }
    }
}
