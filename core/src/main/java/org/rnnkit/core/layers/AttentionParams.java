package org.rnnkit.core.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of an {@link AttentionVertex}, laid out one after the other in the vertex's slice of the network's
 * flat parameter (and gradient) vector, each a row-major {@code [rows, cols]} view: {@code Wc [encoder + decoder,
 * units]} and {@code bc [1, units]} (the attentional vector), then {@code Wa [encoder, decoder]} for the general
 * score or {@code W1 [decoder, units]}, {@code W2 [encoder, units]}, {@code b [1, units]}, {@code v [units, 1]}
 * for the additive score.
 */
final class AttentionParams {
    static final String WC = "Wc";
    static final String BC = "bc";
    static final String WA = "Wa";
    static final String W1 = "W1";
    static final String W2 = "W2";
    static final String B = "b";
    static final String V = "v";

    private AttentionParams() {
    }

    /** One parameter: name and shape. */
    record Param(String name, long rows, long cols) {
        long length() {
            return rows * cols;
        }
    }

    static List<Param> layout(AttentionVertex conf) {
        long d = conf.getDecoderSize();
        long e = conf.getEncoderSize();
        long u = conf.getUnits();
        List<Param> params = new ArrayList<>();
        params.add(new Param(WC, e + d, u));
        params.add(new Param(BC, 1, u));
        switch (conf.getScore()) {
            case DOT -> { }
            case GENERAL -> params.add(new Param(WA, e, d));
            case ADDITIVE -> {
                params.add(new Param(W1, d, u));
                params.add(new Param(W2, e, u));
                params.add(new Param(B, 1, u));
                params.add(new Param(V, u, 1));
            }
        }
        return params;
    }

    static long count(AttentionVertex conf) {
        return layout(conf).stream().mapToLong(Param::length).sum();
    }

    static boolean isBias(String name) {
        return BC.equals(name) || B.equals(name);
    }

    /** Named views of {@code flat} ({@code [1, count]}), in layout order. */
    static Map<String, INDArray> views(AttentionVertex conf, INDArray flat) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        long offset = 0;
        INDArray row = flat.reshape(flat.length());
        for (Param p : layout(conf)) {
            out.put(p.name(), row.get(NDArrayIndex.interval(offset, offset + p.length())).reshape('c', p.rows(),
                    p.cols()));
            offset += p.length();
        }
        if (offset != flat.length()) {
            throw new IllegalArgumentException("attention expects " + offset + " parameters, got " + flat.length());
        }
        return out;
    }

    /** Xavier-uniform weights (as the model's other layers) and zero biases. */
    static void initialize(Map<String, INDArray> views) {
        views.forEach((name, view) -> {
            if (isBias(name)) {
                view.assign(0);
            } else {
                double limit = Math.sqrt(6.0 / (view.size(0) + view.size(1)));
                view.assign(Nd4j.rand(view.dataType(), view.shape()).muli(2 * limit).subi(limit));
            }
        });
    }
}
