package org.rnnkit.core.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.bench.PeakMemory;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingDivergedException;

/**
 * Runs a {@link BenchGrid}: for every planned run it sizes the model to the budget, trains it with the
 * {@link Trainer} block by block, scores it on held-out data after each block, and records a {@link RunResult}. A
 * run's time limit counts the CPU time of its training blocks ({@link BenchSettings#maxSecondsPerRun()}).
 * With a results file, the results are rewritten atomically after every run, and runs already in the file are kept
 * rather than run again (resume). Use it from Java exactly as {@code ./rnnkit bench} does.
 */
public final class BenchRunner {
    private final BenchListener listener;

    public BenchRunner(BenchListener listener) {
        this.listener = listener;
    }

    /**
     * Runs {@code grid}, continuing {@code previous} (finished runs are kept; pass {@link BenchResults#start} for a
     * fresh grid), writing to {@code resultsFile} after each run when it is not null.
     */
    public BenchResults run(BenchGrid grid, BenchResults previous, Path resultsFile) throws IOException {
        if (!previous.settings().equals(grid.settings())) {
            throw new IllegalArgumentException("the earlier results were measured with other settings ("
                    + previous.settings() + ", now " + grid.settings() + "): resume with the same options or use "
                    + "another output folder");
        }
        BenchResults results = previous;
        List<BenchGrid.Planned> plan = grid.plan();
        checkKeptRuns(plan, previous);
        for (int i = 0; i < plan.size(); i++) {
            BenchGrid.Planned p = plan.get(i);
            if (results.find(p.key()).isPresent()) {
                listener.kept(p.key(), i + 1, plan.size());
                continue;
            }
            RunResult result = runOne(p.task(), p.cell(), p.key(), p.settings(), i + 1, plan.size());
            results = results.with(result);
            save(results, resultsFile);
            listener.finished(result, i + 1, plan.size());
        }
        if (grid.clipping() != null && results.clipping().isEmpty()) {
            listener.note("clipping experiment: " + grid.clipping().describe());
            results = results.withClipping(List.of(grid.clipping().run(grid.settings())));
            save(results, resultsFile);
        }
        return results;
    }

    /**
     * Refuses a resume whose runs would train differently from the finished runs it keeps. The grid-wide settings are
     * compared before; a task's own iteration cap shows in the iterations each kept run was scored at: it fits the cap
     * now planned if every scoring but the last came before the cap (so it would not have stopped sooner), and a run
     * stopped by its cap reached this one (a block of a fixed data set is a whole epoch, so it may end past it). A grid
     * that only adds runs passes.
     */
    static void checkKeptRuns(List<BenchGrid.Planned> plan, BenchResults previous) {
        for (BenchGrid.Planned p : plan) {
            previous.find(p.key()).ifPresent(r -> {
                int cap = p.settings().maxIterations();
                List<double[]> curve = r.curve() == null ? List.of() : r.curve();
                boolean earlierStop = curve.stream().limit(Math.max(0, curve.size() - 1)).anyMatch(c -> c[0] >= cap);
                boolean capNotReached = "iterations".equals(r.stopped()) && r.iterations() < cap;
                if (earlierStop || capNotReached) {
                    throw new IllegalArgumentException("the earlier run " + p.key() + " does not fit a cap of " + cap
                            + " iterations (stopped by " + r.stopped() + " after " + r.iterations() + "): it was "
                            + "trained with other options; resume with the same options or use another output folder");
                }
            });
        }
    }

    private static void save(BenchResults results, Path file) throws IOException {
        if (file != null) {
            results.write(file);
        }
    }

    /** Sizes {@code cell} for {@code task}'s signature under {@code settings}: hidden units. */
    public static int hidden(CellVariant cell, TaskSignature task, BenchSettings settings) {
        return settings.budget() == BenchSettings.Budget.PARAMS
                ? ParameterBudget.hiddenFor(cell, task, settings.size()) : settings.size();
    }

    /** One run of the grid: {@code key}'s length and seed, trained and measured. */
    public RunResult runOne(BenchTask task, CellVariant cell, RunKey key, BenchSettings settings, int index, int total)
            throws IOException {
        TaskInstance instance = task.prepare(key.length(), key.seed());
        int hidden = hidden(cell, instance.signature(), settings);
        ModelSpec spec = cell.spec(instance.signature(), hidden, settings.optimizer(), key.seed());
        long parameters = ParameterBudget.parameters(spec);
        listener.started(key, index, total, hidden, parameters);
        SequenceModel model = SequenceModel.create(spec);
        boolean probe = task.gradientProbe() && cell.recurrent() && key.seed() == 0;
        GradientNorms atInit = probe ? GradientProbe.measure(model, firstHeldOutBatch(instance)) : null;

        PeakMemory.resetHeapPeak();
        PeakMemory memory = new PeakMemory();
        Metric metric = instance.metric();
        Trainer trainer = new Trainer(TrainingConfig.epochs(1));
        List<double[]> curve = new ArrayList<>();
        Evaluation last = null;
        double best = Double.NaN;
        long solvedAt = -1;
        long examplesPerBlock = 0;
        double trainSeconds = 0;
        double cpuSeconds = 0;
        String stopped;
        for (int block = 0; ; block++) {
            int batches = Math.min(settings.blockIterations(), settings.maxIterations() - model.iterationCount());
            DataSetIterator data = instance.trainingBlock(block, batches, settings.batchSize());
            long start = System.nanoTime();
            double cpuStart = cpuSeconds();
            long before = model.iterationCount();
            try {
                trainer.fit(model, data, null);
            } catch (TrainingDivergedException e) {
                trainSeconds += (System.nanoTime() - start) / 1e9;
                stopped = "diverged";
                break;
            }
            trainSeconds += (System.nanoTime() - start) / 1e9;
            cpuSeconds += cpuSeconds() - cpuStart;
            examplesPerBlock = Math.max(examplesPerBlock, (model.iterationCount() - before) * (long) settings.batchSize());
            memory.sample();
            last = instance.evaluate(model);
            if (Double.isNaN(best) || metric.better(last.score(), best)) {
                best = last.score();
            }
            curve.add(new double[] {model.iterationCount(), last.score()});
            listener.scored(key, model.iterationCount(), last.score(), metric.name(), trainSeconds);
            if (metric.solved(last.score())) {
                solvedAt = model.iterationCount();
                stopped = "solved";
                break;
            }
            if (model.iterationCount() >= settings.maxIterations()) {
                stopped = "iterations";
                break;
            }
            if (cpuSeconds >= settings.maxSecondsPerRun()) {
                stopped = "time";
                break;
            }
        }
        memory.sample();
        GradientNorms trained = probe && !"diverged".equals(stopped)
                ? GradientProbe.measure(model, firstHeldOutBatch(instance)) : null;
        double perSecond = "diverged".equals(stopped) ? Double.NaN : inferencePerSecond(model, instance);
        Map<String, Double> details = last == null ? Map.of() : new LinkedHashMap<>(last.details());
        return new RunResult(key, hidden, parameters, metric.name(), metric.baseline(),
                last == null ? Double.NaN : last.score(), best, details, solvedAt, model.iterationCount(), stopped,
                trainSeconds, examplesPerBlock, perSecond, PeakMemory.heapPeak(), memory.offHeapPeak(), curve,
                atInit, trained);
    }

    /**
     * CPU seconds this process has used. Time limits count CPU time rather than wall time, so that a run gets the
     * same share of work on a loaded machine as on a quiet one (the training here is single-threaded, so on a quiet
     * machine the two agree).
     */
    static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot && hotspot.getProcessCpuTime() >= 0) {
            return hotspot.getProcessCpuTime() / 1e9;
        }
        return System.nanoTime() / 1e9; // no CPU clock on this JVM: wall time
    }

    private static DataSet firstHeldOutBatch(TaskInstance instance) {
        DataSetIterator it = instance.heldOut();
        it.reset();
        return it.next();
    }

    /** Held-out sequences per second through {@code output()}, over one pass of the held-out data. */
    private static double inferencePerSecond(SequenceModel model, TaskInstance instance) {
        DataSetIterator it = instance.heldOut();
        it.reset();
        long sequences = 0;
        long start = System.nanoTime();
        while (it.hasNext()) {
            DataSet batch = it.next();
            model.output(batch.getFeatures(), batch.getFeaturesMaskArray());
            sequences += batch.numExamples();
        }
        return sequences / ((System.nanoTime() - start) / 1e9);
    }

}
