package org.rnnkit.core.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.datasets.SequenceBatcher;

/**
 * A trained model together with everything that turns plain Java values into its input and its output back into
 * plain results: the task-level object an application keeps, saves as one file and loads again. {@code predict}
 * and {@code evaluate} take texts, {@code float[][]} sequences ({@code [step][feature]}, any length), token ids
 * ({@code int[]}) or lists of them; padding, masks, normalisation and batching (inputs of similar length together) happen inside. The DL4J
 * network stays reachable through {@code model().network()}.
 *
 * <p>The kinds: {@link TextClassifier} (text to a class), {@link TokenClassifier} (token ids to a class),
 * {@link SequenceClassifier} (a sequence to a class), {@link SequenceRegressor} (a sequence to a value or vector,
 * e.g. a forecast) and {@link SequenceTagger} (a class per step).
 *
 * @param <I> the plain input
 * @param <T> the known answer {@link #evaluate} compares predictions with
 * @param <P> the prediction
 */
public abstract class Pipeline<I, T, P> {
    /** Inputs per network call: large enough for throughput, small enough for memory on long sequences. */
    static final int BATCH = 64;

    private final String kind;
    private final SequenceModel model;
    private final InputCodec<I> input;
    private final OutputHead<T, P> output;

    /** @param kind the name of this kind in its file */
    Pipeline(String kind, SequenceModel model, InputCodec<I> input, OutputHead<T, P> output) {
        if (model == null || input == null || output == null) {
            throw new IllegalArgumentException("a pipeline needs a model, an input codec and an output head");
        }
        this.kind = kind;
        this.model = model;
        this.input = input;
        this.output = output;
        input.check(model.spec());
    }

    /** The model: its declaration, and the DL4J network for everything DL4J offers. */
    public SequenceModel model() {
        return model;
    }

    /** How inputs become the network's batches. */
    public InputCodec<I> input() {
        return input;
    }

    /** The prediction for one input. */
    public P predict(I input) {
        return predict(java.util.Collections.singletonList(input)).get(0);
    }

    /** The predictions for many inputs, in their order, computed in batches. */
    @SuppressWarnings("unchecked")
    public List<P> predict(List<I> inputs) {
        Object[] out = new Object[inputs.size()];
        forEachBatch(inputs, (indices, batch) -> {
            for (int j = 0; j < indices.length; j++) {
                out[indices[j]] = output.decode(batch, j);
            }
        });
        return (List<P>) Arrays.asList(out);
    }

    /** Metrics of the predictions for {@code inputs} against the known {@code targets} (one per input). */
    public EvaluationReport evaluate(List<I> inputs, List<T> targets) {
        if (inputs.size() != targets.size()) {
            throw new IllegalArgumentException("evaluate needs one target per input, got " + inputs.size()
                    + " inputs and " + targets.size() + " targets");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no inputs");
        }
        Scorer<T> scorer = output.scorer();
        forEachBatch(inputs, (indices, batch) -> {
            for (int j = 0; j < indices.length; j++) {
                scorer.add(batch, j, targets.get(indices[j]), indices[j]);
            }
        });
        return scorer.report();
    }

    /** Writes model and codecs to one file, atomically; read it back with the kind's {@code load}. */
    public void save(Path file) throws IOException {
        ModelBundle bundle = PipelineFile.manifest(ModelBundle.of(model), kind);
        attachExtras(output.attachTo(input.attachTo(bundle))).save(file);
    }

    /** {@code bundle} with what a kind keeps beyond its input and output sides (none unless overridden). */
    ModelBundle attachExtras(ModelBundle bundle) {
        return bundle;
    }

    /**
     * The outputs predictions and evaluation read for a batch of {@code inputs}: the network's, unless a kind
     * combines them with a part of its own (a {@link TextClassifier}'s {@link NgramPath}).
     */
    BatchOutput adjust(List<I> inputs, BatchOutput network) {
        return network;
    }

    /** Compares predictions with targets and builds the report. */
    interface Scorer<T> {
        /** Adds row {@code row} of a batch, whose target is {@code target} (input number {@code index}). */
        void add(BatchOutput batch, int row, T target, int index);

        EvaluationReport report();
    }

    private interface BatchConsumer {
        void accept(int[] indices, BatchOutput output);
    }

    // Inputs sorted by length share batches with inputs of similar length: less padding to step through.
    private void forEachBatch(List<I> inputs, BatchConsumer consumer) {
        int[] lengths = new int[inputs.size()];
        for (int i = 0; i < lengths.length; i++) {
            I x = inputs.get(i);
            if (x == null) {
                throw new IllegalArgumentException("input " + i + " is null");
            }
            try {
                lengths[i] = input.length(x);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("input " + i + ": " + e.getMessage(), e);
            }
        }
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(order.length, start + BATCH);
            int[] indices = new int[end - start];
            List<I> batch = new ArrayList<>(indices.length);
            for (int j = 0; j < indices.length; j++) {
                indices[j] = order[start + j];
                batch.add(inputs.get(indices[j]));
            }
            SequenceBatcher.Padded padded = input.encode(batch);
            consumer.accept(indices, adjust(batch,
                    BatchOutput.of(model.output(padded.values(), padded.mask()), padded.mask())));
        }
    }
}
