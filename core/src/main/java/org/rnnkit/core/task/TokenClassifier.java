package org.rnnkit.core.task;

import java.io.IOException;
import java.nio.file.Path;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.LabelSet;

/** Classifies token-id sequences (many-to-one): {@code int[]} of any length in, a {@link Classification} out. */
public final class TokenClassifier extends Pipeline<int[], String, Classification> {
    private static final String KIND = "token-classifier";

    private final LabelSet labels;

    private TokenClassifier(SequenceModel model, TokenInput input, LabelSet labels) {
        super(KIND, model, input, new ClassHead(labels, model.spec(), Shape.VECTOR));
        this.labels = labels;
    }

    /** A classifier of {@code model} (token input, softmax over {@code labels}, one output per sequence). */
    public static TokenClassifier of(SequenceModel model, LabelSet labels) {
        return new TokenClassifier(model, new TokenInput(model.spec().input().size()), labels);
    }

    /** Reads a file written by {@link #save}. */
    public static TokenClassifier load(Path file) throws IOException {
        PipelineFile f = PipelineFile.open(file, KIND);
        LabelSet labels = ClassHead.read(f);
        return f.build("pipeline", () -> new TokenClassifier(f.model(), TokenInput.read(f), labels));
    }

    /** The class names, in output order. */
    public LabelSet labels() {
        return labels;
    }
}
