package org.rnnkit.core.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.eval.ClassificationCollector;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;
import org.rnnkit.datasets.SequenceNormalizer;

/**
 * Labels every step of a numeric sequence (many-to-many): {@code float[step][feature]} in, one class name per
 * step out. Evaluation counts real steps only (padding never counts).
 */
public final class SequenceTagger extends SequencePipeline<List<String>, List<String>> {
    private static final String KIND = "sequence-tagger";

    private final ClassHead head;

    private SequenceTagger(SequenceModel model, VectorInput input, LabelSet labels) {
        super(model, input);
        this.head = new ClassHead(labels, model.spec(), Shape.SEQUENCE);
    }

    /** A tagger of {@code model} (softmax over {@code labels} at every step); {@code normalizer} may be null. */
    public static SequenceTagger of(SequenceModel model, SequenceNormalizer normalizer, LabelSet labels) {
        return new SequenceTagger(model, new VectorInput(model.spec().input().size(), normalizer), labels);
    }

    /** Reads a file written by {@link #save}. */
    public static SequenceTagger load(Path file) throws IOException {
        PipelineFile f = PipelineFile.open(file, KIND);
        VectorInput input = VectorInput.read(f);
        LabelSet labels = ClassHead.read(f);
        return f.build("pipeline", () -> new SequenceTagger(f.model(), input, labels));
    }

    /** The class names, in output order. */
    public LabelSet labels() {
        return head.labels();
    }

    @Override
    String kind() {
        return KIND;
    }

    @Override
    List<String> decode(BatchOutput batch, int row) {
        List<String> tags = new ArrayList<>();
        for (double[] step : batch.steps(row)) {
            tags.add(head.classify(step).label());
        }
        return List.copyOf(tags);
    }

    @Override
    Scorer<List<String>> scorer() {
        ClassificationCollector collector = new ClassificationCollector(head.labels().names(), true);
        return new Scorer<>() {
            @Override
            public void add(BatchOutput batch, int row, List<String> target, int index) {
                List<double[]> steps = batch.steps(row);
                if (target == null || target.size() != steps.size()) {
                    throw new IllegalArgumentException("target of input " + index + " has "
                            + (target == null ? 0 : target.size()) + " labels, the sequence has " + steps.size()
                            + " steps");
                }
                collector.sequence();
                for (int t = 0; t < steps.size(); t++) {
                    collector.add(head.index(target.get(t), index), steps.get(t));
                }
            }

            @Override
            public EvaluationReport report() {
                return collector.report();
            }
        };
    }

    @Override
    ModelBundle attachOutputs(ModelBundle bundle) {
        return head.attachTo(bundle);
    }

    @Override
    List<String> target(SequenceExample x, SequenceDataset data) {
        if (x.labelOffset() != 0 || x.labels().length != x.length()) {
            throw new IllegalArgumentException(data.name() + " has examples whose labels do not cover every step");
        }
        LabelSet classes = data.classes().orElseThrow();
        List<String> tags = new ArrayList<>(x.labels().length);
        for (float[] step : x.labels()) {
            tags.add(classes.name(ClassificationCollector.mostProbable(toDouble(step))));
        }
        return tags;
    }

    @Override
    void checkLabels(SequenceDataset data, boolean training) {
        head.requireClassesOf(data, training);
    }
}
