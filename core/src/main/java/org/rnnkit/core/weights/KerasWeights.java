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
 * Parameters in Keras's {@code GRU} / {@code LSTM} / {@code SimpleRNN} layout.
 *
 * <p>Tensors: {@code kernel [I, G*H]}, {@code recurrent_kernel [H, G*H]}, {@code bias}; gate blocks z,r,h (GRU),
 * i,f,c,o (LSTM). GRU bias is {@code [2, 3H]} (row 0 input, row 1 recurrent) with {@code reset_after=True} and
 * {@code [3H]} otherwise, matching the GRU's {@code resetAfter}. For a bidirectional layer the names are prefixed
 * {@code forward/} and {@code backward/} (as Keras's {@code Bidirectional} names its two sub-layers). A missing
 * {@code bias} ({@code use_bias=False}) imports as zeros.
 */
public final class KerasWeights {

    private static final String FW = "Keras";
    private static final String[] GRU_ORDER = {"z", "r", "n"};
    private static final String[] LSTM_ORDER = {"i", "f", "g", "o"};

    private KerasWeights() {
    }

    private static String[] kerasOrder(Kind k) {
        return switch (k) {
            case GRU -> GRU_ORDER;
            case LSTM -> LSTM_ORDER;
            case RNN -> Kind.RNN.nativeOrder;
        };
    }

    private static String prefix(Layer layer, Cell c) {
        if (RecurrentParams.cells(layer).size() == 1) {
            return "";
        }
        return c.reverse() ? "backward/" : "forward/";
    }

    /** Imports Keras tensors into an initialised layer. */
    public static void importInto(Layer layer, Map<String, INDArray> tensors) {
        for (Cell c : RecurrentParams.cells(layer)) {
            String p = prefix(layer, c);
            long h = c.h();
            long gh = c.kind().gates() * h;
            String[] order = kerasOrder(c.kind());
            String[] nat = c.kind().nativeOrder;
            INDArray k = RecurrentParams.require(tensors, FW, p + "kernel", c.nIn(), gh);
            INDArray rk = RecurrentParams.require(tensors, FW, p + "recurrent_kernel", h, gh);
            boolean twoBiases = c.kind() == Kind.GRU && c.resetAfter();
            INDArray b = tensors.get(p + "bias");
            if (b == null) {
                b = Nd4j.zeros(k.dataType(), twoBiases ? 2 : 1, gh);
            } else if (twoBiases) {
                if (b.rank() == 1) {
                    throw new IllegalArgumentException("Keras tensor '" + p + "bias' has shape [" + b.length()
                            + "], expected [2, " + gh + "] for reset_after=True; for a reset_after=False GRU "
                            + "configure resetAfter(false)");
                }
                RecurrentParams.checkShape(FW, p + "bias", b, 2, gh);
            } else {
                if (b.rank() == 2 && b.size(0) == 2) {
                    throw new IllegalArgumentException("Keras tensor '" + p + "bias' has shape [2, " + gh
                            + "] (reset_after=True), expected [" + gh + "]; configure resetAfter(true)");
                }
                RecurrentParams.checkShape(FW, p + "bias", b.rank() == 2 ? b.reshape(gh) : b, gh);
                b = b.reshape(1, gh);
            }
            c.set("W", RecurrentParams.reorder(k, 1, order, nat, h).dup('f'));
            c.set("RW", RecurrentParams.reorder(rk, 1, order, nat, h).dup('f'));
            INDArray bn = RecurrentParams.reorder(b.castTo(k.dataType()), 1, order, nat, h);
            c.set("b", twoBiases ? bn.reshape('c', 1, 2 * gh) : bn);
        }
    }

    /** Exports as Keras tensors; arrays are copies. */
    public static Map<String, INDArray> export(Layer layer) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Cell c : RecurrentParams.cells(layer)) {
            String p = prefix(layer, c);
            long h = c.h();
            long gh = c.kind().gates() * h;
            String[] order = kerasOrder(c.kind());
            String[] nat = c.kind().nativeOrder;
            out.put(p + "kernel", RecurrentParams.reorder(c.param("W"), 1, nat, order, h));
            out.put(p + "recurrent_kernel", RecurrentParams.reorder(c.param("RW"), 1, nat, order, h));
            INDArray b = c.row("b");
            if (c.kind() == Kind.GRU && c.resetAfter()) {
                INDArray two = Nd4j.vstack(b.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gh)),
                        b.get(NDArrayIndex.all(), NDArrayIndex.interval(gh, 2 * gh)));
                out.put(p + "bias", RecurrentParams.reorder(two, 1, nat, order, h));
            } else {
                out.put(p + "bias", RecurrentParams.reorder(b, 1, nat, order, h).reshape(gh));
            }
        }
        return out;
    }
}
