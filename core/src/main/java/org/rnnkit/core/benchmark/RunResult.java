package org.rnnkit.core.benchmark;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of the grid measured. Times are wall-clock on the machine that ran it; memory figures are
 * the process's peaks during the run (heap pools' peak since the run started; native memory as resident minus
 * committed heap, sampled after each block), so they include the JVM's and ND4J's own share.
 *
 * @param key                what ran
 * @param hidden             hidden units per layer
 * @param parameters         trainable parameters
 * @param metric             the task metric's name
 * @param baseline           the trivial predictor's figure
 * @param score              the last held-out figure (NaN when training diverged before the first scoring)
 * @param best               the best held-out figure seen
 * @param details            further held-out figures of the last scoring
 * @param solvedAtIteration  iterations until the held-out figure first reached the task's threshold, or -1
 * @param iterations         iterations trained
 * @param stopped            why training stopped: {@code solved}, {@code iterations}, {@code time}, {@code diverged}
 * @param trainSeconds       wall-clock seconds in training (scoring excluded)
 * @param examplesPerBlock   training examples per block (an epoch of a fixed data set)
 * @param inferencePerSecond held-out sequences per second through {@code output()}
 * @param heapPeakBytes      peak Java heap in use
 * @param offHeapPeakBytes   peak native memory (resident minus committed heap)
 * @param curve              {@code [iterations, held-out figure]} after each block
 * @param gradientsAtInit    the gradient-norm probe before training, or null when not probed
 * @param gradientsTrained   the probe after training, or null
 */
public record RunResult(@JsonProperty("key") RunKey key, @JsonProperty("hidden") int hidden,
                        @JsonProperty("parameters") long parameters, @JsonProperty("metric") String metric,
                        @JsonProperty("baseline") double baseline, @JsonProperty("score") double score,
                        @JsonProperty("best") double best, @JsonProperty("details") Map<String, Double> details,
                        @JsonProperty("solvedAtIteration") long solvedAtIteration,
                        @JsonProperty("iterations") long iterations, @JsonProperty("stopped") String stopped,
                        @JsonProperty("trainSeconds") double trainSeconds,
                        @JsonProperty("examplesPerBlock") long examplesPerBlock,
                        @JsonProperty("inferencePerSecond") double inferencePerSecond,
                        @JsonProperty("heapPeakBytes") long heapPeakBytes,
                        @JsonProperty("offHeapPeakBytes") long offHeapPeakBytes,
                        @JsonProperty("curve") List<double[]> curve,
                        @JsonProperty("gradientsAtInit") GradientNorms gradientsAtInit,
                        @JsonProperty("gradientsTrained") GradientNorms gradientsTrained) {

    /** Whether the run reached its task's threshold. */
    @JsonIgnore
    public boolean solved() {
        return solvedAtIteration >= 0;
    }

    /** Wall-clock milliseconds per training iteration. */
    @JsonIgnore
    public double msPerIteration() {
        return iterations == 0 ? Double.NaN : 1000 * trainSeconds / iterations;
    }
}
