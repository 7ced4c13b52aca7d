package org.rnnkit.core.task;

import java.io.IOException;
import java.nio.file.Path;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.eval.ClassificationCollector;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;
import org.rnnkit.datasets.SequenceNormalizer;

/** Classifies whole numeric sequences (many-to-one): {@code float[step][feature]} in, a {@link Classification} out. */
public final class SequenceClassifier extends SequencePipeline<String, Classification> {
    private static final String KIND = "sequence-classifier";

    private final ClassHead head;

    private SequenceClassifier(SequenceModel model, VectorInput input, LabelSet labels) {
        super(model, input);
        this.head = new ClassHead(labels, model.spec(), Shape.VECTOR);
    }

    /**
     * A classifier of {@code model} (softmax over {@code labels}, one output per sequence) that normalises its
     * inputs with {@code normalizer} (null: inputs as they are).
     */
    public static SequenceClassifier of(SequenceModel model, SequenceNormalizer normalizer, LabelSet labels) {
        return new SequenceClassifier(model, new VectorInput(model.spec().input().size(), normalizer), labels);
    }

    /** Reads a file written by {@link #save}. */
    public static SequenceClassifier load(Path file) throws IOException {
        PipelineFile f = PipelineFile.open(file, KIND);
        VectorInput input = VectorInput.read(f);
        LabelSet labels = ClassHead.read(f);
        return f.build("pipeline", () -> new SequenceClassifier(f.model(), input, labels));
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
    Classification decode(BatchOutput batch, int row) {
        return head.classify(batch.row(row));
    }

    @Override
    Scorer<String> scorer() {
        return head.sequenceScorer();
    }

    @Override
    ModelBundle attachOutputs(ModelBundle bundle) {
        return head.attachTo(bundle);
    }

    @Override
    String target(SequenceExample x, SequenceDataset data) {
        return data.classes().orElseThrow().name(ClassificationCollector.mostProbable(toDouble(x.labels()[0])));
    }

    @Override
    void checkLabels(SequenceDataset data, boolean training) {
        head.requireClassesOf(data, training);
    }
}
