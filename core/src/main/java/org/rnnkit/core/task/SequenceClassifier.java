package org.rnnkit.core.task;

import java.io.IOException;
import java.nio.file.Path;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceNormalizer;

/** Classifies whole numeric sequences (many-to-one): {@code float[step][feature]} in, a {@link Classification} out. */
public final class SequenceClassifier extends SequencePipeline<String, Classification> {
    private static final String KIND = "sequence-classifier";

    private final LabelSet labels;

    private SequenceClassifier(SequenceModel model, VectorInput input, LabelSet labels) {
        super(KIND, model, input, new ClassHead(labels, model.spec(), Shape.VECTOR));
        this.labels = labels;
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
        return labels;
    }
}
