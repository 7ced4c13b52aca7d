package org.rnnkit.core.benchmark;

import java.io.PrintStream;

/** {@link BenchListener#printing}: plain progress lines, readable in a terminal and in a log file alike. */
final class PrintingBenchListener implements BenchListener {
    private final PrintStream out;

    PrintingBenchListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(RunKey key, int index, int total, int hidden, long parameters) {
        out.printf("[%d/%d] %s: hidden %d, %,d parameters%n", index, total, key, hidden, parameters);
    }

    @Override
    public void kept(RunKey key, int index, int total) {
        out.printf("[%d/%d] %s: kept from earlier results%n", index, total, key);
    }

    @Override
    public void scored(RunKey key, long iterations, double score, String metric, double seconds) {
        out.printf("    iteration %,d: %s %.4f (%.1f s)%n", iterations, metric, score, seconds);
    }

    @Override
    public void finished(RunResult r, int index, int total) {
        out.printf("[%d/%d] %s: %s %.4f, %s after %,d iterations, %.1f ms/iteration%n", index, total, r.key(),
                r.metric(), r.score(), r.solved() ? "solved at " + r.solvedAtIteration() : "stopped (" + r.stopped() + ")",
                r.iterations(), r.msPerIteration());
    }

    @Override
    public void note(String message) {
        out.println(message);
    }
}
