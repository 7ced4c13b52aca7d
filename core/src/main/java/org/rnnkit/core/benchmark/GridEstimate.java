package org.rnnkit.core.benchmark;

import java.io.IOException;
import java.time.Duration;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;

/**
 * How long a grid can take, printed before it starts: the training time of every run if none stops early (each run
 * at its iteration cap, or its time limit where that comes first). Training cost per iteration is modelled as
 * {@code a + b · parameters · T · batch} (each parameter is used once per step and example, forward and backward),
 * with {@code a} and {@code b} measured on this machine by timing a GRU on the adding problem at two lengths (the
 * fastest of three rounds each).
 * Scoring on held-out data adds to it; runs that solve stop sooner.
 *
 * @param upperBound        the grid's training time if every run goes to its cap
 * @param secondsPerUnit    {@code b}, seconds per parameter·step·example
 * @param secondsOverhead   {@code a}, seconds per iteration whatever the size
 */
public record GridEstimate(Duration upperBound, double secondsPerUnit, double secondsOverhead) {

    /** Calibrates on this machine and sums over {@code grid}'s runs. */
    public static GridEstimate of(BenchGrid grid) throws IOException {
        BenchSettings s = grid.settings();
        double[] shortRun = timeIterations(20, s);
        double[] longRun = timeIterations(100, s);
        double b = Math.max(1e-15, (longRun[1] - shortRun[1]) / (longRun[0] - shortRun[0]));
        double a = Math.max(0, shortRun[1] - b * shortRun[0]);
        double total = 0;
        for (BenchGrid.Planned p : grid.plan()) {
            TaskSignature sig = p.task().prepare(p.key().length(), p.key().seed()).signature();
            int hidden = BenchRunner.hidden(p.cell(), sig, s);
            long params = ParameterBudget.parameters(p.cell(), sig, hidden);
            double perIteration = a + b * units(params, p.key().length(), s.batchSize());
            total += Math.min(s.maxIterations() * perIteration, s.maxSecondsPerRun());
        }
        return new GridEstimate(Duration.ofSeconds(Math.round(total)), b, a);
    }

    /** {@code [units, seconds per iteration]} of a GRU at the budget on the adding problem at {@code length}. */
    private static double[] timeIterations(int length, BenchSettings s) throws IOException {
        CellVariant gru = CellVariants.gru();
        TaskInstance instance = new AddingBench(10).prepare(length, 0);
        int hidden = BenchRunner.hidden(gru, instance.signature(), s);
        ModelSpec spec = gru.spec(instance.signature(), hidden, s.optimizer(), 0);
        SequenceModel model = SequenceModel.create(spec);
        Trainer trainer = new Trainer(TrainingConfig.epochs(1));
        trainer.fit(model, instance.trainingBlock(0, 3, s.batchSize()), null); // warm-up
        // The fastest of three short rounds: other processes on the machine only ever slow a round down.
        double seconds = Double.MAX_VALUE;
        for (int round = 1; round <= 3; round++) {
            int iterations = 5;
            long start = System.nanoTime();
            trainer.fit(model, instance.trainingBlock(round, iterations, s.batchSize()), null);
            seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9 / iterations);
        }
        return new double[] {units(ParameterBudget.parameters(spec), length, s.batchSize()), seconds};
    }

    private static double units(long parameters, int length, int batch) {
        return (double) parameters * length * batch;
    }

    /** The estimate in words. */
    public String describe() {
        long s = upperBound.toSeconds();
        return String.format("at most %dh%02dm of training if no run stops early (measured here: %.3f ms per "
                + "iteration + %.3g ms per million parameter·step·examples); scoring adds to it, solved runs "
                + "stop sooner", s / 3600, (s % 3600) / 60, secondsOverhead * 1e3, secondsPerUnit * 1e9);
    }
}
