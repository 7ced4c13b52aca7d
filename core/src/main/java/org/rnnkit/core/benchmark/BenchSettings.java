package org.rnnkit.core.benchmark;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.rnnkit.core.spec.Optimizer;

/**
 * How every run of a grid is sized and trained. Models are compared at an equal parameter budget (each cell gets
 * the hidden size that brings it closest to {@code size} parameters) or at an equal hidden size ({@code size} units).
 * Every run trains with Adam and gradient-norm clipping on fresh batches, is scored on held-out data after each
 * block of {@code blockIterations} iterations, and stops when solved, at {@code maxIterations}, or after
 * {@code maxSecondsPerRun} of training CPU time (recorded, so a time-limited run is never mistaken for a failure to
 * learn; CPU rather than wall time, so that other processes on the machine do not cut runs shorter).
 *
 * @param budget            what {@code size} fixes
 * @param size              parameters per model, or hidden units
 * @param batchSize         examples per iteration
 * @param learningRate      Adam's learning rate
 * @param clipNorm          gradient-norm clipping threshold, 0 for none
 * @param maxIterations     iterations at most per run
 * @param blockIterations   iterations between scorings on held-out data
 * @param maxSecondsPerRun  limit of one run's training, in CPU seconds
 */
public record BenchSettings(@JsonProperty("budget") Budget budget, @JsonProperty("size") int size,
                            @JsonProperty("batchSize") int batchSize,
                            @JsonProperty("learningRate") double learningRate,
                            @JsonProperty("clipNorm") double clipNorm,
                            @JsonProperty("maxIterations") int maxIterations,
                            @JsonProperty("blockIterations") int blockIterations,
                            @JsonProperty("maxSecondsPerRun") double maxSecondsPerRun) {

    /** What a grid holds equal across cells. */
    public enum Budget { PARAMS, HIDDEN }

    public BenchSettings {
        if (budget == null || size < 1 || batchSize < 1 || learningRate <= 0 || clipNorm < 0 || maxIterations < 1
                || blockIterations < 1 || maxSecondsPerRun <= 0) {
            throw new IllegalArgumentException("invalid benchmark settings: budget " + budget + ", size " + size
                    + ", batch " + batchSize + ", learning rate " + learningRate + ", clip " + clipNorm
                    + ", iterations " + maxIterations + ", block " + blockIterations + ", seconds " + maxSecondsPerRun);
        }
    }

    /** Where grids start from: 10,000 parameters, batch 50, Adam 1e-2 clipped at 1, up to 3,000 iterations or 900 s. */
    public static BenchSettings defaults() {
        return new BenchSettings(Budget.PARAMS, 10_000, 50, 1e-2, 1.0, 3000, 100, 900);
    }

    /** The optimizer of every run. */
    public Optimizer optimizer() {
        Optimizer adam = Optimizer.adam(learningRate);
        return clipNorm > 0 ? adam.withClipNorm(clipNorm) : adam;
    }

    public BenchSettings withBudget(Budget value, int units) {
        return new BenchSettings(value, units, batchSize, learningRate, clipNorm, maxIterations, blockIterations,
                maxSecondsPerRun);
    }

    public BenchSettings withIterations(int max, int block) {
        return new BenchSettings(budget, size, batchSize, learningRate, clipNorm, max, block, maxSecondsPerRun);
    }

    public BenchSettings withMaxSecondsPerRun(double seconds) {
        return new BenchSettings(budget, size, batchSize, learningRate, clipNorm, maxIterations, blockIterations,
                seconds);
    }

    public BenchSettings withTraining(int batch, double rate, double clip) {
        return new BenchSettings(budget, size, batch, rate, clip, maxIterations, blockIterations, maxSecondsPerRun);
    }
}
