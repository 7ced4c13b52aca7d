package org.rnnkit.core.bench;

import java.util.ArrayList;
import java.util.List;

import org.rnnkit.core.spec.Cell;

/**
 * One benchmark case of rnnkit's speed issue. {@code bench/pytorch_speed.py} runs the same cases under the same names.
 *
 * @param name    stable name, shared with the PyTorch script
 * @param kind    what is timed
 * @param cell    recurrent cell
 * @param batch   minibatch size
 * @param steps   sequence length (generation: steps generated)
 * @param inputs  input features (TRAIN), or embedding size (GENERATE, OUTPUT: tokens over {@link #VOCAB})
 * @param units   hidden units per layer
 * @param layers  stacked recurrent layers
 */
public record SpeedCase(String name, Kind kind, Cell cell, int batch, int steps, int inputs, int units, int layers) {

    /** Vocabulary of the token cases. */
    public static final int VOCAB = 128;

    /** What a case times. */
    public enum Kind {
        /** One {@code fit(DataSet)}: forward, per-step linear head with MSE, backward, Adam. */
        TRAIN,
        /** {@code steps} calls of {@code rnnTimeStep}, one token each, feeding back the arg-max. */
        GENERATE,
        /** One {@code output()} over a batch of token sequences. */
        OUTPUT,
        /**
         * {@code steps} tokens per row by {@code Search.greedy()} on the model's {@code stepper()}: the path users
         * call, which adds state handling and log-probabilities around each step.
         */
        DECODE
    }

    /** Multiply-adds of the recurrent layers' matrix products, times 2 (one forward pass). */
    public double forwardFlops() {
        int gates = switch (cell) {
            case SIMPLE_RNN -> 1;
            case GRU -> 3;
            case LSTM -> 4;
        };
        double flops = 0;
        int in = inputs;
        for (int l = 0; l < layers; l++) {
            flops += 2.0 * batch * steps * (in + units) * gates * units;
            in = units;
        }
        double head = 2.0 * batch * steps * units * (kind == Kind.TRAIN ? inputs : VOCAB);
        return flops + head;
    }

    /** Floating-point operations the case performs: forward, plus twice that for backward when training. */
    public double flops() {
        return kind == Kind.TRAIN ? 3 * forwardFlops() : forwardFlops();
    }

    private static SpeedCase train(Cell cell, int batch, int steps, int inputs, int units) {
        String name = "train-" + cell.name().toLowerCase().replace("_", "") + "-" + batch + "x" + steps + "x" + inputs
                + "x" + units;
        return new SpeedCase(name, Kind.TRAIN, cell, batch, steps, inputs, units, 1);
    }

    /** The issue's cases; {@code quick} keeps one size per cell and the shorter runs. */
    public static List<SpeedCase> issueCases(boolean quick) {
        List<SpeedCase> all = new ArrayList<>();
        for (Cell cell : new Cell[] {Cell.SIMPLE_RNN, Cell.LSTM, Cell.GRU}) {
            all.add(train(cell, 32, 50, 16, 64));
            if (!quick) {
                all.add(train(cell, 32, 100, 16, 256));
                if (cell != Cell.SIMPLE_RNN) {
                    all.add(train(cell, 64, 100, 64, 128));
                }
            }
        }
        for (Cell cell : new Cell[] {Cell.LSTM, Cell.GRU}) {
            String c = cell.name().toLowerCase();
            for (int batch : quick ? new int[] {1} : new int[] {1, 8}) {
                all.add(new SpeedCase("generate-" + c + "-b" + batch, Kind.GENERATE, cell, batch,
                        quick ? 200 : 1000, 64, 256, 2));
                all.add(new SpeedCase("decode-" + c + "-b" + batch, Kind.DECODE, cell, batch,
                        quick ? 200 : 1000, 64, 256, 2));
            }
            all.add(new SpeedCase("output-" + c + "-32x100", Kind.OUTPUT, cell, 32, 100, 64, 256, 2));
        }
        if (!quick) {
            for (Cell cell : new Cell[] {Cell.GRU, Cell.LSTM}) {
                for (int steps : new int[] {50, 100, 200, 400}) {
                    all.add(train(cell, 32, steps, 16, 128));
                }
            }
        }
        return all;
    }
}
