package org.rnnkit.core.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.Evaluator;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.datasets.tasks.CopyMemoryTask;

/**
 * The copy-memory task ({@link CopyMemoryTask}) as a benchmark. The figure is Arjovsky et al.'s cross-entropy
 * averaged over all {@code T + 20} steps, where only the 10 copied symbols carry a loss, against the memoryless
 * baseline {@code 10 ln 8 / (T + 20)} (guessing each copied symbol uniformly); "solved" is 95% of that baseline
 * removed. Accuracy on the copied symbols and the cross-entropy per copied symbol (baseline ln 8) are reported too.
 */
public final class CopyMemoryBench implements BenchTask {
    /** Share of the memoryless baseline's loss that counts as solved. */
    public static final double SOLVED_FRACTION = 0.05;
    private static final TaskSignature SIGNATURE = new TaskSignature(InputSpec.features(CopyMemoryTask.INPUT_SYMBOLS),
            false, TaskSignature.Head.CLASSES, CopyMemoryTask.OUTPUTS.size());

    private final int heldOut;

    /** With 500 held-out sequences. */
    public CopyMemoryBench() {
        this(500);
    }

    /** With {@code heldOut} held-out sequences. */
    public CopyMemoryBench(int heldOut) {
        this.heldOut = heldOut;
    }

    /** The memoryless baseline at delay {@code t}: {@code 10 ln 8 / (t + 20)}. */
    public static double baseline(int t) {
        return CopyMemoryTask.COPY_LENGTH * Math.log(CopyMemoryTask.OUTPUTS.size()) / (t + 2 * CopyMemoryTask.COPY_LENGTH);
    }

    /** Cross-entropy per copied symbol converted to the per-step average over all {@code t + 20} steps. */
    public static double perStep(double perSymbol, int t) {
        return perSymbol * CopyMemoryTask.COPY_LENGTH / (t + 2 * CopyMemoryTask.COPY_LENGTH);
    }

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public String description() {
        return "copy memory: recall 10 symbols after a delay T; cross-entropy per step over T+20 steps against "
                + "the memoryless 10 ln 8/(T+20), solved at 5% of it; accuracy on the copied symbols";
    }

    /**
     * The whole sequence, T + 20 steps: each symbol is recalled T + 10 steps after it was read, so this bounds the
     * dependencies from above with the length every model reads.
     */
    @Override
    public int horizon(int length) {
        return length + 2 * CopyMemoryTask.COPY_LENGTH;
    }

    @Override
    public List<Integer> defaultLengths() {
        return List.of(20, 50, 100);
    }

    @Override
    public TaskInstance prepare(int length, long seed) {
        double baseline = baseline(length);
        return new DatasetInstance((block, n) -> CopyMemoryTask.generate(n, length,
                DatasetInstance.blockSeed(seed, block)), null,
                CopyMemoryTask.generate(heldOut, length, DatasetInstance.heldOutSeed(seed)), seed) {
            @Override
            public TaskSignature signature() {
                return SIGNATURE.withHorizon(horizon(length));
            }

            @Override
            public Metric metric() {
                return new Metric("xent", true, baseline, SOLVED_FRACTION * baseline);
            }

            @Override
            public Evaluation evaluate(SequenceModel model) {
                // The language-model report scores each labelled step by the probability of its actual symbol.
                double perSymbol = Evaluator.languageModel(model, heldOut()).crossEntropy();
                Map<String, Double> details = new LinkedHashMap<>();
                details.put("accuracy", Evaluator.evaluate(model, heldOut()).accuracy());
                details.put("xent/symbol", perSymbol);
                return new Evaluation(perStep(perSymbol, length), details);
            }
        };
    }
}
