package org.rnnkit.core.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Next-token inference for a network of an optional embedding, rnnkit recurrent layers and a softmax per-step head
 * ({@link SequenceOutput} or DL4J's {@code RnnOutputLayer}), one token per row and step, on rnnkit's own kernels and
 * buffers allocated once per batch size: what {@code MultiLayerNetwork.rnnTimeStep} computes for such a network,
 * without its per-call graph, workspace and state-map work (about half of a generation step's time at batch 1). States
 * live in {@link State}s outside the network, so the network's own stored state is never touched. {@link #of} declines
 * networks with any other layer or an input preprocessor; callers then step through {@code rnnTimeStep}. Works over
 * the network's parameter arrays: training that updates them in place shows in the next step; a re-initialised
 * network needs a new stepper. One thread at a time.
 */
public final class NetworkStepper {

    private final MultiLayerNetwork network;
    private final DataType dataType;
    private final EmbeddingSequenceLayer embedding;
    private final List<Integer> cells;
    private final int output;
    private final int vocabulary;
    private final Map<Integer, Buffers> byRows = new HashMap<>();
    /** Parameters outside the recurrent layers, over the network's own arrays (so in-place training shows). */
    private final Buf embeddingWeights;
    private final long[] embeddingStrides;
    private final Buf embeddingBias;
    private final Mat outputWeights;
    private final Buf outputBias;

    private NetworkStepper(MultiLayerNetwork network, EmbeddingSequenceLayer embedding, List<Integer> cells,
            int output) {
        this.network = network;
        this.dataType = network.getLayerWiseConfigurations().getDataType();
        this.embedding = embedding;
        this.cells = cells;
        this.output = output;
        Layer out = network.getLayer(output);
        INDArray outW = out.getParam(DefaultParamInitializer.WEIGHT_KEY);
        this.vocabulary = (int) outW.size(1);
        this.outputWeights = Mat.of(outW);
        this.outputBias = Buf.ofVector(out.getParam(DefaultParamInitializer.BIAS_KEY));
        if (embedding != null) {
            INDArray w = network.getLayer(0).getParam(DefaultParamInitializer.WEIGHT_KEY);
            this.embeddingWeights = Buf.strided(w);
            this.embeddingStrides = w.stride();
            this.embeddingBias = embedding.hasBias()
                    ? Buf.ofVector(network.getLayer(0).getParam(DefaultParamInitializer.BIAS_KEY)) : null;
        } else {
            this.embeddingWeights = null;
            this.embeddingStrides = null;
            this.embeddingBias = null;
        }
    }

    /**
     * A stepper for {@code network}, or empty when it has a layer this stepper does not compute (anything but an
     * embedding first, rnnkit recurrent layers, then a softmax per-step head: {@link SequenceOutput} or DL4J's {@code RnnOutputLayer}) or an input preprocessor.
     */
    public static Optional<NetworkStepper> of(MultiLayerNetwork network) {
        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        int n = network.getnLayers();
        if (n < 2 || !conf.getInputPreProcessors().isEmpty()
                || conf.getDataType() != DataType.FLOAT && conf.getDataType() != DataType.DOUBLE) {
            return Optional.empty();
        }
        EmbeddingSequenceLayer embedding = null;
        int first = 0;
        if (conf.getConf(0).getLayer() instanceof EmbeddingSequenceLayer e) {
            if (Fn.of(e.getActivationFn()) == null) {
                return Optional.empty();
            }
            embedding = e;
            first = 1;
        }
        List<Integer> cells = new ArrayList<>();
        for (int i = first; i < n - 1; i++) {
            // A cell that takes its initial state from its input starts from a state the zero state would miss.
            if (!(network.getLayer(i) instanceof CellLayer cell) || cell.layerConf().isInitialStateFromInput()) {
                return Optional.empty();
            }
            cells.add(i);
        }
        org.deeplearning4j.nn.conf.layers.Layer last = conf.getConf(n - 1).getLayer();
        if (cells.isEmpty() || !(last instanceof RnnOutputLayer || last instanceof SequenceOutput)
                || !(last instanceof BaseOutputLayer out) || !out.hasBias()
                || !(out.getActivationFn() instanceof ActivationSoftmax)) {
            return Optional.empty();
        }
        return Optional.of(new NetworkStepper(network, embedding, cells, n - 1));
    }

    /** Whether tokens go through an embedding (else they are fed one-hot). */
    public boolean embedsTokens() {
        return embedding != null;
    }

    /** Width of each probability row. */
    public int vocabularySize() {
        return vocabulary;
    }

    /** The all-zero state of {@code rows} rows, where {@code rnnTimeStep} starts after its state is cleared. */
    public State zeroState(int rows) {
        double[][] h = new double[cells.size()][];
        double[][] c = new double[cells.size()][];
        for (int k = 0; k < cells.size(); k++) {
            CellLayer layer = (CellLayer) network.getLayer(cells.get(k));
            int units = (int) layer.layerConf().getNOut();
            h[k] = new double[rows * units];
            c[k] = layer.kernel().hasMemory() ? new double[rows * units] : null;
        }
        return new State(rows, h, c);
    }

    /** The probabilities of the next token and the state after one step; {@code state} is left unchanged. */
    public record Result(double[][] probabilities, State next) {
    }

    /**
     * Feeds {@code tokens[row]} to each row: looked up in the embedding, or one-hot into the first recurrent
     * layer when the network has no embedding.
     */
    public Result step(State state, int[] tokens) {
        if (tokens.length != state.rows) {
            throw new IllegalArgumentException(tokens.length + " tokens for a state of " + state.rows + " rows");
        }
        Buffers b = byRows.computeIfAbsent(state.rows, this::buffers);
        State next = state.copy();
        loadInput(b.cells.get(0), tokens);
        for (int k = 0; k < b.cells.size(); k++) {
            CellStep cell = b.cells.get(k);
            if (k > 0) {
                cell.input().write(0, next.h[k - 1], next.h[k - 1].length);
            }
            cell.step(next.h[k], next.c[k]);
        }
        return new Result(probabilities(b), next);
    }

    private void loadInput(CellStep first, int[] tokens) {
        Buf x = first.input();
        int width = first.inputs;
        double[] row = new double[width];
        for (int r = 0; r < tokens.length; r++) {
            if (tokens[r] < 0 || tokens[r] >= (embedding == null ? width : embedding.getNIn())) {
                throw new IllegalArgumentException("token " + tokens[r] + " outside the network's input");
            }
            if (embedding == null) {
                java.util.Arrays.fill(row, 0);
                row[tokens[r]] = 1;
            } else {
                embed(tokens[r], row);
            }
            x.write(r * width, row, width);
        }
    }

    private void embed(int token, double[] row) {
        for (int j = 0; j < row.length; j++) {
            row[j] = embeddingWeights.get((int) (token * embeddingStrides[0] + j * embeddingStrides[1]));
        }
        if (embeddingBias != null) {
            for (int j = 0; j < row.length; j++) {
                row[j] += embeddingBias.get(j);
            }
        }
        Fn.of(embedding.getActivationFn()).apply(row, 0, row.length);
    }

    private double[][] probabilities(Buffers b) {
        CellStep last = b.cells.get(b.cells.size() - 1);
        Blas.gemm(last.outputMatrix(), false, outputWeights, false, b.logits, 0);
        double[] bias = new double[vocabulary];
        outputBias.read(0, bias, vocabulary);
        int rows = last.rows;
        double[][] p = new double[rows][vocabulary];
        for (int r = 0; r < rows; r++) {
            double[] row = p[r];
            b.logitsBuf.read(r * vocabulary, row, vocabulary);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < vocabulary; j++) {
                row[j] += bias[j];
                max = Math.max(max, row[j]);
            }
            double sum = 0;
            for (int j = 0; j < vocabulary; j++) {
                row[j] = Math.exp(row[j] - max);
                sum += row[j];
            }
            for (int j = 0; j < vocabulary; j++) {
                // Rounded to the network's type, as rnnTimeStep's output is.
                row[j] = dataType == DataType.FLOAT ? (float) (row[j] / sum) : row[j] / sum;
            }
        }
        return p;
    }

    @SuppressWarnings("try") // the scope only needs to be open while the buffers are allocated
    private Buffers buffers(int rows) {
        List<CellStep> steps = new ArrayList<>();
        for (int i : cells) {
            steps.add(new CellStep((CellLayer) network.getLayer(i), rows));
        }
        INDArray logits;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            logits = Nd4j.create(dataType, rows, vocabulary);
        }
        return new Buffers(steps, logits, Mat.rowsOf(logits, vocabulary), Buf.of(logits));
    }

    /** {@code logitsArray} keeps the memory that {@code logits} and {@code logitsBuf} address reachable. */
    private record Buffers(List<CellStep> cells, INDArray logitsArray, Mat logits, Buf logitsBuf) {
    }

    /** Recurrent state of every row: hidden state (and memory cell) per recurrent layer, row-major. Immutable. */
    public static final class State {
        private final int rows;
        private final double[][] h;
        private final double[][] c;

        private State(int rows, double[][] h, double[][] c) {
            this.rows = rows;
            this.h = h;
            this.c = c;
        }

        public int rows() {
            return rows;
        }

        /** The rows of {@code parts}, one after another (all states of the same stepper). */
        public static State concat(List<State> parts) {
            State first = parts.get(0);
            int total = parts.stream().mapToInt(State::rows).sum();
            double[][] h = new double[first.h.length][];
            double[][] c = new double[first.c.length][];
            for (int k = 0; k < h.length; k++) {
                int units = first.h[k].length / first.rows;
                h[k] = new double[total * units];
                c[k] = first.c[k] == null ? null : new double[total * units];
                int at = 0;
                for (State part : parts) {
                    System.arraycopy(part.h[k], 0, h[k], at, part.h[k].length);
                    if (c[k] != null) {
                        System.arraycopy(part.c[k], 0, c[k], at, part.c[k].length);
                    }
                    at += part.h[k].length;
                }
            }
            return new State(total, h, c);
        }

        /** A state whose row {@code i} is this state's row {@code picked[i]}; rows may repeat or be left out. */
        public State select(int[] picked) {
            double[][] h2 = new double[h.length][];
            double[][] c2 = new double[c.length][];
            for (int k = 0; k < h.length; k++) {
                h2[k] = rows(h[k], picked);
                c2[k] = c[k] == null ? null : rows(c[k], picked);
            }
            return new State(picked.length, h2, c2);
        }

        private double[] rows(double[] a, int[] picked) {
            int units = a.length / rows;
            double[] out = new double[picked.length * units];
            for (int i = 0; i < picked.length; i++) {
                if (picked[i] < 0 || picked[i] >= rows) {
                    throw new IllegalArgumentException("row " + picked[i] + " outside a state of " + rows + " rows");
                }
                System.arraycopy(a, picked[i] * units, out, i * units, units);
            }
            return out;
        }

        private State copy() {
            double[][] h2 = new double[h.length][];
            double[][] c2 = new double[c.length][];
            for (int k = 0; k < h.length; k++) {
                h2[k] = h[k].clone();
                c2[k] = c[k] == null ? null : c[k].clone();
            }
            return new State(rows, h2, c2);
        }
    }
}
