package org.rnnkit.core.task;

import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.eval.ClassificationCollector;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.OutputSpec;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

/**
 * The class side shared by every classifying pipeline: label names, their checks, predictions and scoring. As an
 * {@link OutputHead} it gives one class per sequence; {@link TagHead} uses it for a class per step.
 */
final class ClassHead implements SequenceHead<String, Classification> {
    static final String LABELS = "labels.json";

    private final LabelSet labels;

    ClassHead(LabelSet labels, ModelSpec spec, Shape shape) {
        if (labels == null) {
            throw new IllegalArgumentException("a classifier needs its class names (a LabelSet)");
        }
        OutputSpec head = spec.output();
        if (head.kind() != OutputSpec.Kind.SOFTMAX || head.units() != labels.size()) {
            throw new IllegalArgumentException("the model must end in softmax(" + labels.size() + ") for the "
                    + labels.size() + " classes " + labels.names() + ", but it ends in " + head.kind()
                    .name().toLowerCase(java.util.Locale.ROOT) + "(" + head.units() + ")");
        }
        if (spec.outputShape() != shape) {
            throw new IllegalArgumentException(shape == Shape.SEQUENCE
                    ? "a tagger needs a model with an output per step, but this one reduces each sequence to one "
                    + "vector (drop lastStep()/pool())"
                    : "a classifier needs one output per sequence, but this model gives one per step (add "
                    + "lastStep() or pool(...) before the output)");
        }
        this.labels = labels;
    }

    static LabelSet read(PipelineFile file) throws ModelFileException {
        return file.read(LABELS, LabelSet::fromJson);
    }

    LabelSet labels() {
        return labels;
    }

    @Override
    public ModelBundle attachTo(ModelBundle bundle) {
        return bundle.withText(LABELS, labels.toJson());
    }

    @Override
    public Classification decode(BatchOutput batch, int row) {
        return classify(batch.row(row));
    }

    @Override
    public Pipeline.Scorer<String> scorer() {
        ClassificationCollector collector = new ClassificationCollector(labels.names(), false);
        return new Pipeline.Scorer<>() {
            @Override
            public void add(BatchOutput batch, int row, String target, int index) {
                collector.add(index(target, index), batch.row(row));
            }

            @Override
            public EvaluationReport report() {
                return collector.report();
            }
        };
    }

    @Override
    public String target(SequenceExample x, SequenceDataset data) {
        return data.classes().orElseThrow().name(ClassificationCollector.mostProbable(
                SequencePipeline.toDouble(x.labels()[0])));
    }

    @Override
    public void checkLabels(SequenceDataset data, boolean training) {
        requireClassesOf(data, training);
    }

    Classification classify(double[] probabilities) {
        return Classification.of(labels.names(), probabilities);
    }

    /** The index of class {@code name}; an unknown name is an error naming the input. */
    int index(String name, int input) {
        int c = name == null ? -1 : labels.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("target of input " + input + " is \"" + name
                    + "\", not one of the classes " + labels.names());
        }
        return c;
    }

    /**
     * Fails unless {@code data} is labelled with classes: for training exactly these, in this order (its one-hot
     * columns are the outputs); for evaluation any of these (the names are mapped).
     */
    void requireClassesOf(SequenceDataset data, boolean training) {
        LabelSet classes = data.classes().orElseThrow(() -> new IllegalArgumentException(data.name()
                + " has real-valued labels, not classes"));
        if (training && !classes.equals(labels)) {
            throw new IllegalArgumentException(data.name() + " has the classes " + classes.names()
                    + ", but the model's are " + labels.names());
        }
        for (String name : classes.names()) {
            if (!training && labels.indexOf(name) < 0) {
                throw new IllegalArgumentException(data.name() + " has the class \"" + name + "\", which the model "
                        + "does not know " + labels.names());
            }
        }
    }
}
