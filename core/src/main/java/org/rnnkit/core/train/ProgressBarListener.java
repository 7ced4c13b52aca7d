package org.rnnkit.core.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Training progress for a terminal: one bar per epoch (the {@code progressbar} library redraws it in place) with
 * the loss, the time to the end of the epoch, and the time to finish as a range while early stopping may end
 * training sooner; a summary line stays behind for each finished epoch. Pipes and logs get {@link ConsoleProgress}
 * instead (see {@link ProgressListener#console()}).
 */
public final class ProgressBarListener implements ProgressListener {
    private final PrintStream out;
    private ProgressBar bar;
    private int barEpoch;
    private volatile Duration epochEta;

    /** Draws on {@code out} (a terminal). */
    public ProgressBarListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onBatch(Progress p) {
        if (bar == null || barEpoch != p.epoch()) {
            close();
            barEpoch = p.epoch();
            epochEta = null;
            bar = new ProgressBarBuilder().setTaskName("epoch " + p.epoch() + "/" + p.epochs())
                    .setInitialMax(p.batchesPerEpoch()) // -1 (first epoch): an indefinite bar until it is counted
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .setEtaFunction(state -> Optional.ofNullable(epochEta))
                    .build();
        }
        epochEta = p.epochEta();
        bar.stepTo(p.batch());
        bar.setExtraMessage(String.format("loss %.4f%s", p.loss(), p.finishLatest() == null ? ""
                : ", finish in " + (p.mayStopEarly() ? ConsoleProgress.format(p.finishEarliest()) + "-" : "")
                        + ConsoleProgress.format(p.finishLatest())));
    }

    @Override
    public void onEpochEnd(EpochStats stats, int epochs) {
        close();
        out.println(ConsoleProgress.epochLine(stats, epochs));
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
