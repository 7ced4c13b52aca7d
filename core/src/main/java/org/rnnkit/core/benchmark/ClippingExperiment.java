package org.rnnkit.core.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.train.Progress;
import org.rnnkit.core.train.ProgressListener;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingDivergedException;

/**
 * The exploding-gradient claim and its cure, measured: one model trained twice at a learning rate high enough to
 * blow up, from the same initialisation on the same batches, once without and once with gradient-norm clipping,
 * recording the training loss of every iteration.
 *
 * @param task        the task (its first training blocks feed both runs)
 * @param length      the sequence length
 * @param cell        the cell variant
 * @param hidden      hidden units
 * @param optimizer   the high-learning-rate optimizer, without clipping
 * @param clipNorm    the clipped run's threshold
 * @param iterations  iterations per run
 */
public record ClippingExperiment(BenchTask task, int length, CellVariant cell, int hidden, Optimizer optimizer,
                                 double clipNorm, int iterations) {

    public ClippingExperiment {
        if (clipNorm <= 0 || iterations < 1 || hidden < 1) {
            throw new IllegalArgumentException("the clipping experiment needs clipNorm > 0, iterations >= 1, hidden >= 1");
        }
    }

    /** The experiment in words. */
    public String describe() {
        return task.name() + " T=" + length + ", " + cell.name() + " " + hidden + " units, " + optimizer.name() + " "
                + optimizer.learningRate() + ", " + iterations + " iterations without and with clipping at " + clipNorm;
    }

    /** Runs both trainings (batch size and block length from {@code settings}). */
    public ClippingResult run(BenchSettings settings) throws IOException {
        LossCurve plain = train(optimizer, "no clipping", settings);
        LossCurve clipped = train(optimizer.withClipNorm(clipNorm), "clip norm " + clipNorm, settings);
        return new ClippingResult(task.name(), length, cell.name(), hidden,
                optimizer.name() + " " + optimizer.learningRate(), clipNorm, List.of(plain, clipped));
    }

    private LossCurve train(Optimizer opt, String label, BenchSettings settings) throws IOException {
        TaskInstance instance = task.prepare(length, 0);
        ModelSpec spec = cell.spec(instance.signature(), hidden, opt, 0);
        SequenceModel model = SequenceModel.create(spec);
        List<Double> losses = new ArrayList<>();
        ProgressListener record = new ProgressListener() {
            @Override
            public void onBatch(Progress progress) {
                losses.add(progress.loss());
            }
        };
        Trainer trainer = new Trainer(TrainingConfig.epochs(1), record);
        long divergedAt = 0;
        for (int block = 0; model.iterationCount() < iterations; block++) {
            int batches = Math.min(settings.blockIterations(), iterations - model.iterationCount());
            try {
                trainer.fit(model, instance.trainingBlock(block, batches, settings.batchSize()), null);
            } catch (TrainingDivergedException e) {
                divergedAt = losses.size() + 1;
                break;
            }
        }
        return new LossCurve(label, losses.stream().mapToDouble(Double::doubleValue).toArray(), divergedAt);
    }
}
