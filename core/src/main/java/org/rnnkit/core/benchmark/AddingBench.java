package org.rnnkit.core.benchmark;

import java.util.List;
import java.util.Map;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.eval.Evaluator;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.datasets.tasks.AddingProblem;

/**
 * The adding problem ({@link AddingProblem}) as a benchmark: mean squared error on held-out sequences against
 * the 1/6 ≈ 0.167 of always predicting the mean (the variance of a sum of two U(0, 1) values); solved below 0.01.
 */
public final class AddingBench implements BenchTask {
    /** The MSE of predicting the mean, 1 for the target's mean: Var(U1 + U2) = 2/12. */
    public static final double BASELINE_MSE = 1.0 / 6.0;
    /** The usual threshold for "solved". */
    public static final double SOLVED_MSE = 0.01;
    private static final TaskSignature SIGNATURE = new TaskSignature(InputSpec.features(2), true,
            TaskSignature.Head.REGRESSION, 1);

    private final int heldOut;

    /** With 1,000 held-out sequences. */
    public AddingBench() {
        this(1000);
    }

    /** With {@code heldOut} held-out sequences. */
    public AddingBench(int heldOut) {
        this.heldOut = heldOut;
    }

    @Override
    public String name() {
        return "adding";
    }

    @Override
    public String description() {
        return "adding problem: sum of the two marked values of T; held-out MSE, predicting the mean scores 0.167, "
                + "solved < 0.01";
    }

    @Override
    public boolean gradientProbe() {
        return true;
    }

    /** The first marker can be the first of the T steps: the answer depends on inputs up to T steps back. */
    @Override
    public int horizon(int length) {
        return length;
    }

    @Override
    public List<Integer> defaultLengths() {
        return List.of(50, 100, 200, 400);
    }

    @Override
    public TaskInstance prepare(int length, long seed) {
        return new DatasetInstance((block, n) -> AddingProblem.generate(n, length,
                DatasetInstance.blockSeed(seed, block)), null,
                AddingProblem.generate(heldOut, length, DatasetInstance.heldOutSeed(seed)), seed) {
            @Override
            public TaskSignature signature() {
                return SIGNATURE.withHorizon(horizon(length));
            }

            @Override
            public Metric metric() {
                return new Metric("mse", true, BASELINE_MSE, SOLVED_MSE);
            }

            @Override
            public Evaluation evaluate(SequenceModel model) {
                EvaluationReport report = Evaluator.evaluate(model, heldOut());
                return new Evaluation(report.mse(), Map.of("mae", report.mae()));
            }
        };
    }
}
