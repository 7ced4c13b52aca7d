package org.rnnkit.core.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceNormalizer;

/**
 * Labels every step of a numeric sequence (many-to-many): {@code float[step][feature]} in, one class name per
 * step out. Evaluation counts real steps only (padding never counts).
 */
public final class SequenceTagger extends SequencePipeline<List<String>, List<String>> {
    private static final String KIND = "sequence-tagger";

    private final LabelSet labels;

    private SequenceTagger(SequenceModel model, VectorInput input, LabelSet labels) {
        super(KIND, model, input, new TagHead(labels, model.spec()));
        this.labels = labels;
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
        return labels;
    }
}
