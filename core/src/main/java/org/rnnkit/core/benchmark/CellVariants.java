package org.rnnkit.core.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nd4j.linalg.activations.Activation;
import org.rnnkit.core.builder.RecurrentOptions;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.DenseSpec;
import org.rnnkit.core.spec.LayerSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.PoolSpec;

/**
 * The built-in {@link CellVariant}s, by name: {@code simple-rnn}, {@code lstm}, {@code gru} (reset gate after the
 * recurrent product, as in cuDNN, PyTorch and Keras), {@code gru-reset-before} (Cho et al.'s original form), a
 * {@code -chrono} suffix on the gated cells for chrono initialisation with the task's horizon as {@code tMax}
 * ({@code lstm-chrono}; Tallec &amp; Ollivier 2018, see {@link RecurrentOptions#chronoInit}), a
 * {@code bi-} prefix for bidirectional and an {@code -xN} suffix for N stacked layers ({@code bi-gru-x2}), and
 * {@code feed-forward}: two dense ReLU layers applied to every step, then (many-to-one) averaged over the steps
 * — the same budget with no recurrence, so whatever the recurrent cells score above it is what recurrence buys.
 */
public final class CellVariants {

    private CellVariants() {
    }

    /**
     * One recurrent cell type, optionally bidirectional and stacked, and for GRU and LSTM optionally with chrono
     * initialisation for the task's horizon (then only on tasks that state one).
     */
    public record Recurrent(Cell cell, boolean resetAfter, boolean bidirectional, int depth, boolean chrono)
            implements CellVariant {

        public Recurrent {
            if (depth < 1 || depth > 8) {
                throw new IllegalArgumentException("depth must be 1-8, got " + depth);
            }
            if (chrono && cell == Cell.SIMPLE_RNN) {
                throw new IllegalArgumentException("chrono initialisation sets gate biases: it is for gru and lstm, "
                        + "not simple-rnn");
            }
        }

        /** Without chrono initialisation. */
        public Recurrent(Cell cell, boolean resetAfter, boolean bidirectional, int depth) {
            this(cell, resetAfter, bidirectional, depth, false);
        }

        @Override
        public boolean needsHorizon() {
            return chrono;
        }

        @Override
        public String name() {
            String base = switch (cell) {
                case SIMPLE_RNN -> "simple-rnn";
                case LSTM -> "lstm";
                case GRU -> resetAfter ? "gru" : "gru-reset-before";
            };
            return (bidirectional ? "bi-" : "") + base + (chrono ? "-chrono" : "") + (depth > 1 ? "-x" + depth : "");
        }

        @Override
        public ModelSpec spec(TaskSignature task, int hidden, Optimizer optimizer, long seed) {
            Consumer<RecurrentOptions> options = o -> {
                o.layers(depth).resetAfter(resetAfter);
                if (chrono) {
                    if (task.horizon() == 0) {
                        throw new IllegalArgumentException(name() + " needs the task's horizon for chrono "
                                + "initialisation, and this task states none");
                    }
                    o.chronoInit(task.horizon());
                }
                if (bidirectional) {
                    o.bidirectional();
                }
            };
            SequenceBuilder b = task.start();
            b = switch (cell) {
                case SIMPLE_RNN -> b.simpleRnn(hidden, options);
                case LSTM -> b.lstm(hidden, options);
                case GRU -> b.gru(hidden, options);
            };
            return task.finishRecurrent(b).optimizer(optimizer).seed(seed).spec();
        }
    }

    /** Two dense ReLU layers on every step; many-to-one tasks average them over the real steps. */
    public record FeedForward() implements CellVariant {
        @Override
        public String name() {
            return "feed-forward";
        }

        @Override
        public boolean recurrent() {
            return false;
        }

        @Override
        public ModelSpec spec(TaskSignature task, int hidden, Optimizer optimizer, long seed) {
            // Declared directly: the builder insists on a recurrent layer, which this baseline leaves out on purpose.
            List<LayerSpec> layers = new ArrayList<>(task.inputLayers());
            layers.add(new DenseSpec(hidden, Activation.RELU));
            layers.add(new DenseSpec(hidden, Activation.RELU));
            if (task.perSequence()) {
                layers.add(new PoolSpec(PoolSpec.Pooling.AVG));
            }
            layers.add(task.outputLayer());
            return new ModelSpec(task.input(), layers, optimizer, seed, 0);
        }
    }

    public static CellVariant simpleRnn() {
        return new Recurrent(Cell.SIMPLE_RNN, true, false, 1);
    }

    public static CellVariant lstm() {
        return new Recurrent(Cell.LSTM, true, false, 1);
    }

    public static CellVariant gru() {
        return new Recurrent(Cell.GRU, true, false, 1);
    }

    public static CellVariant feedForward() {
        return new FeedForward();
    }

    /** A variant by its name, as described above; fails naming the accepted forms. */
    public static CellVariant parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (s.equals("feed-forward") || s.equals("ff")) {
            return feedForward();
        }
        boolean bi = s.startsWith("bi-");
        if (bi) {
            s = s.substring(3);
        }
        int depth = 1;
        int x = s.lastIndexOf("-x");
        if (x > 0) {
            try {
                depth = Integer.parseInt(s.substring(x + 2));
            } catch (NumberFormatException e) {
                throw unknown(name);
            }
            s = s.substring(0, x);
        }
        boolean chrono = s.endsWith("-chrono");
        if (chrono) {
            s = s.substring(0, s.length() - "-chrono".length());
        }
        return switch (s) {
            case "simple-rnn", "rnn" -> {
                if (chrono) {
                    throw new IllegalArgumentException("unknown cell '" + name + "': chrono initialisation sets gate "
                            + "biases, so it is for gru, gru-reset-before and lstm only");
                }
                yield new Recurrent(Cell.SIMPLE_RNN, true, bi, depth);
            }
            case "lstm" -> new Recurrent(Cell.LSTM, true, bi, depth, chrono);
            case "gru" -> new Recurrent(Cell.GRU, true, bi, depth, chrono);
            case "gru-reset-before" -> new Recurrent(Cell.GRU, false, bi, depth, chrono);
            default -> throw unknown(name);
        };
    }

    /** Parses each name; see {@link #parse}. */
    public static List<CellVariant> parseAll(List<String> names) {
        List<CellVariant> out = new ArrayList<>();
        for (String n : names) {
            out.add(parse(n));
        }
        return out;
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown cell '" + name + "': expected simple-rnn, lstm, gru, "
                + "gru-reset-before or feed-forward, optionally with a bi- prefix, a -chrono suffix on the gated cells "
                + "and an -xN depth suffix (bi-gru, lstm-chrono, gru-x2)");
    }
}
