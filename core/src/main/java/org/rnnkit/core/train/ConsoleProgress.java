package org.rnnkit.core.train;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints training progress as plain lines (readable in terminals, logs and CI alike): a batch line at
 * most every few seconds with loss, throughput and ETA, and a summary line per epoch.
 */
public final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private final long intervalNanos;
    private long lastPrint;

    public ConsoleProgress(PrintStream out, Duration interval) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.lastPrint = System.nanoTime();
    }

    /** Prints to standard error every 5 seconds. */
    public ConsoleProgress() {
        this(System.err, Duration.ofSeconds(5));
    }

    @Override
    public void onBatch(Progress p) {
        long now = System.nanoTime();
        if (now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        String of = p.batchesPerEpoch() > 0 ? "/" + p.batchesPerEpoch() : "";
        out.printf("epoch %d/%d  batch %d%s  loss %.4f  %.0f ex/s%s%n", p.epoch(), p.epochs(), p.batch(), of,
                p.loss(), p.examplesPerSecond(), p.epochEta() == null ? "" : "  ETA " + eta(p));
    }

    @Override
    public void onEpochEnd(EpochStats s, int epochs) {
        lastPrint = System.nanoTime();
        out.println(epochLine(s, epochs));
    }

    /**
     * "epoch 3/20  train loss 0.4123  validation loss 0.4410 (best)  2.1s", with "accuracy 0.8125" after the
     * validation loss when training follows accuracy ("best" marks the best epoch by the metric followed).
     */
    static String epochLine(EpochStats s, int epochs) {
        return String.format("epoch %d/%d  train loss %.4f%s  %.1fs", s.epoch(), epochs, s.trainLoss(),
                Double.isNaN(s.validationLoss()) ? ""
                        : String.format("  validation loss %.4f%s%s", s.validationLoss(),
                                Double.isNaN(s.validationAccuracy()) ? ""
                                        : String.format("  accuracy %.4f", s.validationAccuracy()),
                                s.improved() ? " (best)" : ""),
                s.seconds());
    }

    /** "12s (epoch), 1m30s-4m00s to finish": a range while early stopping may end training sooner. */
    static String eta(Progress p) {
        String finish = p.mayStopEarly() ? format(p.finishEarliest()) + "-" + format(p.finishLatest())
                : format(p.finishLatest());
        return format(p.epochEta()) + " (epoch), " + finish + " to finish";
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
