package org.rnnkit.core.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.layers.wrapper.BaseWrapperLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.rnnkit.core.layers.GRU;

/**
 * The recurrent cells inside a DL4J layer and their native parameters (shared by the PyTorch and Keras mappings).
 *
 * <p>Native layouts (rnnkit's LSTM and SimpleRnn share DL4J's): rnnkit GRU {@code W [I,3H]}, {@code RW [H,3H]} gates r,z,n, bias {@code [1,6H]} (input then
 * recurrent) or {@code [1,3H]}; DL4J LSTM {@code W [I,4H]}, {@code RW [H,4H]}, {@code b [1,4H]} with gate blocks in
 * the order of DL4J's {@code LSTMHelpers}: block input g, forget f, output o, input i; DL4J SimpleRnn {@code W [I,H]},
 * {@code RW [H,H]}, {@code b [1,H]}.
 */
final class RecurrentParams {

    /** Cell kinds and their gate orders in rnnkit/DL4J parameters. */
    enum Kind {
        GRU(new String[] {"r", "z", "n"}),
        LSTM(new String[] {"g", "f", "o", "i"}),
        RNN(new String[] {"h"});

        final String[] nativeOrder;

        Kind(String[] nativeOrder) {
            this.nativeOrder = nativeOrder;
        }

        int gates() {
            return nativeOrder.length;
        }
    }

    /** One direction of a (possibly bidirectional) recurrent layer. */
    record Cell(Layer layer, String prefix, boolean reverse, Kind kind, long nIn, long h, boolean resetAfter) {

        INDArray param(String key) {
            INDArray p = layer.paramTable().get(prefix + key);
            if (p == null) {
                throw new IllegalStateException("Layer has no parameter '" + prefix + key + "'; parameters: "
                        + layer.paramTable().keySet());
            }
            return p;
        }

        /** A parameter as a row [1, n] when it is a vector (DL4J's LSTM and SimpleRnn keep biases rank 1). */
        INDArray row(String key) {
            INDArray p = param(key);
            return p.isVector() ? p.reshape(1, p.length()) : p;
        }

        void set(String key, INDArray value) {
            INDArray p = param(key);
            if (p.isVector() && value.isVector() && p.length() == value.length()) {
                value = value.reshape(p.shape());
            }
            if (!Arrays.equals(p.shape(), value.shape())) {
                throw new IllegalStateException("Internal shape mismatch for '" + prefix + key + "': "
                        + Arrays.toString(value.shape()) + " vs " + Arrays.toString(p.shape()));
            }
            p.assign(value.castTo(p.dataType()));
        }
    }

    private RecurrentParams() {
    }

    /** The cells of {@code layer}: one, or forward then backward for bidirectional wrappers. */
    static List<Cell> cells(Layer layer) {
        Layer l = layer;
        while (l instanceof BaseWrapperLayer w) {
            l = w.getUnderlying();
        }
        if (l.conf() == null) {
            throw new IllegalArgumentException("Layer has no configuration; initialise the network first");
        }
        org.deeplearning4j.nn.conf.layers.Layer conf = l.conf().getLayer();
        List<Cell> out = new ArrayList<>();
        if (conf instanceof Bidirectional b) {
            out.add(cell(l, "f", false, b.getFwd()));
            out.add(cell(l, "b", true, b.getBwd()));
        } else {
            out.add(cell(l, "", false, conf));
        }
        return out;
    }

    private static Cell cell(Layer l, String prefix, boolean reverse, org.deeplearning4j.nn.conf.layers.Layer conf) {
        if (conf instanceof GRU g) {
            return new Cell(l, prefix, reverse, Kind.GRU, g.getNIn(), g.getNOut(), g.isResetAfter());
        }
        if (conf instanceof org.rnnkit.core.layers.LSTM s) {
            return new Cell(l, prefix, reverse, Kind.LSTM, s.getNIn(), s.getNOut(), false);
        }
        if (conf instanceof org.rnnkit.core.layers.SimpleRnn s) {
            return new Cell(l, prefix, reverse, Kind.RNN, s.getNIn(), s.getNOut(), false);
        }
        if (conf instanceof LSTM s) {
            return new Cell(l, prefix, reverse, Kind.LSTM, s.getNIn(), s.getNOut(), false);
        }
        if (conf instanceof SimpleRnn s) {
            if (s.hasLayerNorm()) {
                throw new IllegalArgumentException("SimpleRnn with layer normalisation has no PyTorch/Keras equivalent");
            }
            return new Cell(l, prefix, reverse, Kind.RNN, s.getNIn(), s.getNOut(), false);
        }
        throw new IllegalArgumentException("Unsupported recurrent layer " + conf.getClass().getName()
                + "; supported: rnnkit GRU, LSTM, SimpleRnn and DL4J LSTM, SimpleRnn (alone, in LastTimeStep or "
                + "bidirectional)");
    }

    /**
     * Reorders gate blocks of width {@code h} along {@code axis}: block {@code k} of the result is the block of
     * {@code from} named {@code to[k]}.
     */
    static INDArray reorder(INDArray m, int axis, String[] from, String[] to, long h) {
        INDArray out = Nd4j.createUninitialized(m.dataType(), m.shape(), 'c');
        for (int k = 0; k < to.length; k++) {
            int src = Arrays.asList(from).indexOf(to[k]);
            out.get(block(axis, k, h, m.rank())).assign(m.get(block(axis, src, h, m.rank())));
        }
        return out;
    }

    private static org.nd4j.linalg.indexing.INDArrayIndex[] block(int axis, int k, long h, int rank) {
        org.nd4j.linalg.indexing.INDArrayIndex[] idx = new org.nd4j.linalg.indexing.INDArrayIndex[rank];
        for (int d = 0; d < rank; d++) {
            idx[d] = d == axis ? NDArrayIndex.interval(k * h, (k + 1) * h) : NDArrayIndex.all();
        }
        return idx;
    }

    /** Fetches a tensor and checks its shape, naming both in the error. */
    static INDArray require(java.util.Map<String, INDArray> tensors, String framework, String name, long... shape) {
        INDArray t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException(framework + " tensor '" + name + "' is missing; present: "
                    + tensors.keySet());
        }
        checkShape(framework, name, t, shape);
        return t;
    }

    static void checkShape(String framework, String name, INDArray t, long... shape) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException(framework + " tensor '" + name + "' has shape "
                    + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
        }
    }
}
