package org.rnnkit.core.train;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.TokenSequenceIterator;

/**
 * A training run in its own process, for {@link KillAndResumeTest}: a next-token model with dropout over
 * shuffled batches, checkpointing every 3 iterations and resuming from its checkpoints when restarted; a listener
 * draws random numbers at each epoch end.
 *
 * <p>Arguments: {@code CHECKPOINT_DIR|- PARAMS_OUT PAUSE_AT}. It prints {@code first <epoch> <batch>} for its
 * first trained batch; with {@code PAUSE_AT > 0} it prints {@code paused} after that iteration and waits to be
 * killed. When training ends it writes the final parameters (float bits) to {@code PARAMS_OUT}.
 */
public final class ResumableRun {
    static final int EPOCHS = 4;
    static final int CHECKPOINT_EVERY = 3;

    private ResumableRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path checkpoints = args[0].equals("-") ? null : Path.of(args[0]);
        Path paramsOut = Path.of(args[1]);
        long pauseAt = Long.parseLong(args[2]);
        SequenceModel model = Rnn.sequence(InputSpec.tokens(8)).embedding(6).dropout(0.3).lstm(12).dropout(0.3)
                .softmax(8).optimizer(Optimizer.adam(0.02)).seed(11).build();
        TrainingConfig config = TrainingConfig.epochs(EPOCHS);
        if (checkpoints != null) {
            config = config.withCheckpoints(checkpoints).withCheckpointEvery(CHECKPOINT_EVERY).withResume(true);
        }
        ProgressListener reporter = new ProgressListener() {
            private boolean first = true;

            @Override
            public void onEpochEnd(EpochStats stats, int epochs) {
                // Draws from ND4J's generator, as a listener sampling from the model would.
                Nd4j.rand(DataType.FLOAT, 3, 3);
            }

            @Override
            public void onBatch(Progress p) {
                if (first) {
                    System.out.println("first " + p.epoch() + " " + p.batch());
                    first = false;
                }
                if (p.iteration() == pauseAt) {
                    System.out.println("paused");
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE); // until the parent kills this process
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        new Trainer(config, reporter).fit(model, iterator(), null);
        float[] params = model.params().toFloatVector();
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(paramsOut))) {
            for (float p : params) {
                out.writeInt(Float.floatToRawIntBits(p));
            }
        }
        System.out.println("done");
    }

    /** 44 sequences of a noisy counting pattern, shuffled into batches of 8 (6 batches per epoch). */
    static TokenSequenceIterator iterator() {
        Random random = new Random(5);
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            int[] s = new int[5 + random.nextInt(6)];
            int start = random.nextInt(8);
            for (int t = 0; t < s.length; t++) {
                s[t] = random.nextInt(10) == 0 ? random.nextInt(8) : (start + t) % 8;
            }
            sequences.add(s);
        }
        return new TokenSequenceIterator(sequences, 8, TokenEncoding.INDEX, TokenEncoding.ONE_HOT,
                BatchPlan.shuffled(8, 42));
    }
}
