package org.rnnkit.core.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.SequenceNormalizer;

/**
 * Numeric sequences in: {@code float[step][feature]} of any length, checked (same width as the model reads, finite
 * values) and normalised with the normaliser fitted on the training data, if there is one.
 */
public final class VectorInput implements InputCodec<float[][]> {
    static final String NORMALIZER = "normalizer.json";

    private final int width;
    private final SequenceNormalizer normalizer;

    /**
     * @param width      features per step
     * @param normalizer the training data's normaliser, or null when inputs are used as they are
     */
    public VectorInput(int width, SequenceNormalizer normalizer) {
        if (width < 1) {
            throw new IllegalArgumentException("features per step must be positive, got " + width);
        }
        if (normalizer != null && normalizer.features() != width) {
            throw new IllegalArgumentException("the normalizer was fitted on " + normalizer.features()
                    + " features per step, but inputs have " + width);
        }
        this.width = width;
        this.normalizer = normalizer;
    }

    /** Features per step. */
    public int width() {
        return width;
    }

    /** The normaliser applied to every input. */
    public Optional<SequenceNormalizer> normalizer() {
        return Optional.ofNullable(normalizer);
    }

    @Override
    public SequenceBatcher.Padded encode(List<float[][]> sequences) {
        List<float[][]> ready = new ArrayList<>(sequences.size());
        for (float[][] s : sequences) {
            length(s);
            ready.add(normalizer == null ? s : normalizer.transform(s));
        }
        return SequenceBatcher.padVectors(ready, new int[ready.size()], 1);
    }

    @Override
    public int length(float[][] sequence) {
        if (sequence.length == 0) {
            throw new IllegalArgumentException("a sequence needs at least one step, got none");
        }
        for (int t = 0; t < sequence.length; t++) {
            if (sequence[t] == null || sequence[t].length != width) {
                throw new IllegalArgumentException("step " + t + " has " + (sequence[t] == null ? 0
                        : sequence[t].length) + " features, the model reads " + width);
            }
            for (float v : sequence[t]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("step " + t + " holds " + v + ", expected finite numbers");
                }
            }
        }
        return sequence.length;
    }

    @Override
    public void check(ModelSpec spec) {
        InputSpec in = spec.input();
        if (in.kind() != InputSpec.Kind.FEATURES || in.size() != width) {
            throw new IllegalArgumentException("the model must read " + width + " features per step "
                    + "(InputSpec.features(" + width + ")), but it reads "
                    + in.kind().name().toLowerCase(java.util.Locale.ROOT) + " of size " + in.size());
        }
    }

    @Override
    public ModelBundle attachTo(ModelBundle bundle) {
        return normalizer == null ? bundle : bundle.withText(NORMALIZER, normalizer.toJson());
    }

    static VectorInput read(PipelineFile file) throws ModelFileException {
        SequenceNormalizer normalizer = file.readOptional(NORMALIZER, SequenceNormalizer::fromJson).orElse(null);
        int width = file.model().spec().input().size();
        return file.build(NORMALIZER, () -> new VectorInput(width, normalizer));
    }
}
