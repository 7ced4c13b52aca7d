package org.rnnkit.core.weights;

import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.rnnkit.core.weights.RecurrentParams.Cell;
import org.rnnkit.core.weights.RecurrentParams.Kind;

/**
 * Parameters in PyTorch's {@code nn.GRU} / {@code nn.LSTM} / {@code nn.RNN} layout.
 *
 * <p>Tensors per layer {@code k} and direction ({@code _reverse} suffix for the backward direction of a
 * bidirectional layer): {@code weight_ih_lk [G*H, I]}, {@code weight_hh_lk [G*H, H]}, {@code bias_ih_lk [G*H]},
 * {@code bias_hh_lk [G*H]}, gate blocks r,z,n (GRU, G=3), i,f,g,o (LSTM, G=4), a single block (RNN, tanh or relu).
 * GRUs must be {@code resetAfter(true)}, the form PyTorch implements; their two biases map one to one. DL4J's LSTM
 * and SimpleRnn have one bias: import sums PyTorch's two, export writes it to {@code bias_ih} and zeros to
 * {@code bias_hh}. Missing bias tensors (PyTorch {@code bias=False}) import as zeros.
 */
public final class PyTorchWeights {

    private static final String FW = "PyTorch";
    private static final String[] LSTM_ORDER = {"i", "f", "g", "o"};

    private PyTorchWeights() {
    }

    /** Imports {@code *_l0} tensors into an initialised layer. */
    public static void importInto(Layer layer, Map<String, INDArray> tensors) {
        importInto(layer, tensors, 0);
    }

    /** Imports the tensors of PyTorch layer {@code index} ({@code *_l<index>}) into an initialised layer. */
    public static void importInto(Layer layer, Map<String, INDArray> tensors, int index) {
        for (Cell c : RecurrentParams.cells(layer)) {
            String sfx = "_l" + index + (c.reverse() ? "_reverse" : "");
            long g = c.kind().gates();
            long h = c.h();
            checkResetAfter(c);
            INDArray wih = RecurrentParams.require(tensors, FW, "weight_ih" + sfx, g * h, c.nIn()).transpose();
            INDArray whh = RecurrentParams.require(tensors, FW, "weight_hh" + sfx, g * h, h).transpose();
            INDArray bih = bias(tensors, "bias_ih" + sfx, g * h, wih);
            INDArray bhh = bias(tensors, "bias_hh" + sfx, g * h, wih);
            if (c.kind() == Kind.LSTM) {
                wih = RecurrentParams.reorder(wih, 1, LSTM_ORDER, Kind.LSTM.nativeOrder, h);
                whh = RecurrentParams.reorder(whh, 1, LSTM_ORDER, Kind.LSTM.nativeOrder, h);
                bih = RecurrentParams.reorder(bih, 1, LSTM_ORDER, Kind.LSTM.nativeOrder, h);
                bhh = RecurrentParams.reorder(bhh, 1, LSTM_ORDER, Kind.LSTM.nativeOrder, h);
            }
            c.set("W", wih.dup('f'));
            c.set("RW", whh.dup('f'));
            c.set("b", c.kind() == Kind.GRU ? Nd4j.hstack(bih, bhh) : bih.add(bhh));
        }
    }

    /** Exports as {@code *_l0} tensors. */
    public static Map<String, INDArray> export(Layer layer) {
        return export(layer, 0);
    }

    /** Exports as tensors of PyTorch layer {@code index}; arrays are copies. */
    public static Map<String, INDArray> export(Layer layer, int index) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Cell c : RecurrentParams.cells(layer)) {
            String sfx = "_l" + index + (c.reverse() ? "_reverse" : "");
            long h = c.h();
            long gh = c.kind().gates() * h;
            checkResetAfter(c);
            INDArray w = c.param("W");
            INDArray rw = c.param("RW");
            INDArray b = c.row("b");
            INDArray bih;
            INDArray bhh;
            if (c.kind() == Kind.GRU) {
                bih = b.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gh));
                bhh = b.get(NDArrayIndex.all(), NDArrayIndex.interval(gh, 2 * gh));
            } else {
                bih = b;
                bhh = Nd4j.zeros(b.dataType(), 1, gh);
            }
            if (c.kind() == Kind.LSTM) {
                w = RecurrentParams.reorder(w, 1, Kind.LSTM.nativeOrder, LSTM_ORDER, h);
                rw = RecurrentParams.reorder(rw, 1, Kind.LSTM.nativeOrder, LSTM_ORDER, h);
                bih = RecurrentParams.reorder(bih, 1, Kind.LSTM.nativeOrder, LSTM_ORDER, h);
            }
            out.put("weight_ih" + sfx, w.transpose().dup('c'));
            out.put("weight_hh" + sfx, rw.transpose().dup('c'));
            out.put("bias_ih" + sfx, bih.reshape(gh).dup('c'));
            out.put("bias_hh" + sfx, bhh.reshape(gh).dup('c'));
        }
        return out;
    }

    private static void checkResetAfter(Cell c) {
        if (c.kind() == Kind.GRU && !c.resetAfter()) {
            throw new IllegalArgumentException("PyTorch's nn.GRU applies the reset gate after the recurrent product;"
                    + " configure the GRU with resetAfter(true) (or use KerasWeights for reset_after=False)");
        }
    }

    /** A bias as a [1, n] row; absent means zeros. */
    private static INDArray bias(Map<String, INDArray> tensors, String name, long n, INDArray like) {
        INDArray b = tensors.get(name);
        if (b == null) {
            return Nd4j.zeros(like.dataType(), 1, n);
        }
        if (b.length() != n || b.rank() > 2 || (b.rank() == 2 && b.size(0) != 1)) {
            RecurrentParams.checkShape(FW, name, b, n);
        }
        return b.reshape(1, n).castTo(like.dataType());
    }
}
