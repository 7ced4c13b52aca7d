package org.rnnkit.core.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;

/**
 * How long a grid can take, printed before it starts: every run at its iteration cap, or its time limit where that
 * comes first, plus what scoring, gradient probes and start-up add. Training cost per iteration is modelled as
 * {@code a + b · parameters · T · batch} (each parameter is used once per step and example, forward and backward),
 * with {@code a} and {@code b} measured on this machine by timing a GRU at the grid's budget on the adding problem at
 * T = 50 and T = 200 in CPU time (the fastest of three rounds each), which is what the runs' time limits count and
 * what a quiet machine's wall time would be; the wall time of the same rounds gives the slowdown other processes
 * cause now. The rest of a grid's wall time is {@value #OVERHEAD} × its training time, as measured
 * on the quick grid (173 s of wall time for 135 s of training on a nearly quiet 2-core machine). Runs that solve
 * stop sooner; a loaded machine is slower, and there the time limits cut runs short instead.
 *
 * @param runs              the runs costed (those of the grid not already finished)
 * @param upperBound        the grid's wall time if every run goes to its cap
 * @param secondsPerUnit    {@code b}, seconds per parameter·step·example
 * @param secondsOverhead   {@code a}, seconds per iteration whatever the size
 * @param timeLimited       runs whose time limit comes before their iteration cap at the measured speed
 * @param slowdown          wall time over CPU time while calibrating: how much slower than quiet the machine is now
 */
public record GridEstimate(int runs, Duration upperBound, double secondsPerUnit, double secondsOverhead, int timeLimited,
                           double slowdown) {
    /** Wall time over training time of the quick grid, measured. */
    public static final double OVERHEAD = 1.3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Calibrates on this machine and sums over {@code grid}'s runs. */
    public static GridEstimate of(BenchGrid grid) throws IOException {
        return of(grid, null);
    }

    /**
     * Calibrates on this machine and sums over the runs of {@code grid} that {@code kept} (earlier results being
     * resumed; null for none) does not already hold.
     */
    public static GridEstimate of(BenchGrid grid, BenchResults kept) throws IOException {
        BenchSettings s = grid.settings();
        double[] shortRun = timeIterations(50, s);
        double[] longRun = timeIterations(200, s);
        double slowdown = Math.max(1, (shortRun[2] + longRun[2]) / (shortRun[1] + longRun[1]));
        double[] ab = costModel(shortRun, longRun);
        double a = ab[0];
        double b = ab[1];
        double total = 0;
        int limited = 0;
        int runs = 0;
        for (BenchGrid.Planned p : grid.plan()) {
            if (kept != null && kept.find(p.key()).isPresent()) {
                continue;
            }
            runs++;
            TaskSignature sig = p.task().prepare(p.key().length(), p.key().seed()).signature();
            int hidden = BenchRunner.hidden(p.cell(), sig, s);
            long params = ParameterBudget.parameters(p.cell(), sig, hidden);
            double perIteration = a + b * units(params, p.key().length(), s.batchSize());
            double capped = p.settings().maxIterations() * perIteration;
            if (capped > p.settings().maxSecondsPerRun()) {
                limited++;
            }
            total += Math.min(capped, p.settings().maxSecondsPerRun());
        }
        return new GridEstimate(runs, Duration.ofSeconds(Math.round(total * OVERHEAD)), b, a, limited, slowdown);
    }

    /**
     * {@code [a, b]} of the line through two timings {@code [units, seconds per iteration, ...]}. A loaded machine can
     * time the longer run as cheaper than the shorter one; the line would then have no positive slope, so the cost is
     * taken as proportional to the units at the dearer of the two rates, which errs on the long side. A negative
     * intercept is dropped for the same reason.
     */
    static double[] costModel(double[] shortRun, double[] longRun) {
        double b = (longRun[1] - shortRun[1]) / (longRun[0] - shortRun[0]);
        double a = shortRun[1] - b * shortRun[0];
        if (b > 0) {
            return new double[] {Math.max(0, a), b};
        }
        return new double[] {0, Math.max(shortRun[1] / shortRun[0], longRun[1] / longRun[0])};
    }

    /** {@code [units, CPU seconds per iteration, wall seconds per iteration]} of a GRU at the budget on the adding problem at {@code length}. */
    private static double[] timeIterations(int length, BenchSettings s) throws IOException {
        CellVariant gru = CellVariants.gru();
        TaskInstance instance = new AddingBench(10).prepare(length, 0);
        int hidden = BenchRunner.hidden(gru, instance.signature(), s);
        ModelSpec spec = gru.spec(instance.signature(), hidden, s.optimizer(), 0);
        SequenceModel model = SequenceModel.create(spec);
        Trainer trainer = new Trainer(TrainingConfig.epochs(1));
        trainer.fit(model, instance.trainingBlock(0, 5, s.batchSize()), null); // warm-up
        double seconds = Double.MAX_VALUE;
        double wall = Double.MAX_VALUE;
        for (int round = 1; round <= 3; round++) {
            int iterations = 10;
            long start = System.nanoTime();
            // This thread's CPU time: the compiler and collector threads, busy while the JVM warms up, stay out.
            long cpu = THREADS.getCurrentThreadCpuTime();
            trainer.fit(model, instance.trainingBlock(round, iterations, s.batchSize()), null);
            seconds = Math.min(seconds, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9 / iterations);
            wall = Math.min(wall, (System.nanoTime() - start) / 1e9 / iterations);
        }
        return new double[] {units(ParameterBudget.parameters(spec), length, s.batchSize()), seconds, wall};
    }

    private static double units(long parameters, int length, int batch) {
        return (double) parameters * length * batch;
    }

    /** The estimate in words. */
    public String describe() {
        long s = upperBound.toSeconds();
        long now = Math.round(s * slowdown);
        return String.format("at most %dh%02dm for the %d runs to do, on this machine when quiet if no run stops "
                + "early (CPU time measured here: %.2f ms per iteration + %.3g ms per million "
                + "parameter·step·examples; %d runs would reach their time limit first; scoring and start-up counted as ×%.1f of training, as on the quick grid); "
                + "solved runs stop sooner; at the current load (wall/CPU %.1f) about %dh%02dm",
                s / 3600, (s % 3600) / 60, runs, secondsOverhead * 1e3, secondsPerUnit * 1e9, timeLimited, OVERHEAD,
                slowdown, now / 3600, (now % 3600) / 60);
    }
}
