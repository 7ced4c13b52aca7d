package org.rnnkit.core.decode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recurrent state kept outside the layers: one map per recurrent layer (DL4J's own state keys, arrays
 * {@code [rows, ...]}), or null for the zero state. Shared by the steppers of both model kinds.
 */
final class RecurrentStates {
    private RecurrentStates() {
    }

    /** Fails unless there is one previous token for each row of {@code state}, as every step needs. */
    static void requireOnePerRow(DecoderState state, int[] previousTokens) {
        if (previousTokens.length != state.rows()) {
            throw new IllegalArgumentException(previousTokens.length + " previous tokens for a state of "
                    + state.rows() + " rows");
        }
    }

    /** Output of a forward pass run with given states, and the layers' states after it. */
    record Run(INDArray output, List<Map<String, INDArray>> states) {
    }

    /**
     * Loads {@code states} into {@code layers}, runs {@code forward}, reads the new states back, and puts the
     * layers' own states back as they were, so that stepping never changes what the model holds.
     */
    static Run run(List<RecurrentLayer> layers, List<Map<String, INDArray>> states, Supplier<INDArray> forward) {
        List<Map<String, INDArray>> saved = new ArrayList<>(layers.size());
        for (RecurrentLayer layer : layers) {
            saved.add(new LinkedHashMap<>(layer.rnnGetPreviousState()));
        }
        try {
            for (int i = 0; i < layers.size(); i++) {
                load(layers.get(i), states == null ? null : states.get(i));
            }
            INDArray output = forward.get().dup();
            List<Map<String, INDArray>> after = new ArrayList<>(layers.size());
            for (RecurrentLayer layer : layers) {
                after.add(copy(layer.rnnGetPreviousState()));
            }
            return new Run(output, after);
        } finally {
            for (int i = 0; i < layers.size(); i++) {
                load(layers.get(i), saved.get(i));
            }
        }
    }

    private static void load(RecurrentLayer layer, Map<String, INDArray> state) {
        layer.rnnClearPreviousState();
        if (state != null && !state.isEmpty()) {
            layer.rnnSetPreviousState(new LinkedHashMap<>(state));
        }
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> state) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    /** The states with only the given rows, in the given order (null stays null). */
    static List<Map<String, INDArray>> select(List<Map<String, INDArray>> states, int[] rows) {
        if (states == null) {
            return null;
        }
        List<Map<String, INDArray>> out = new ArrayList<>(states.size());
        for (Map<String, INDArray> state : states) {
            if (state == null) {
                out.add(null);
                continue;
            }
            Map<String, INDArray> picked = new LinkedHashMap<>();
            state.forEach((k, v) -> picked.put(k, rows(v, rows)));
            out.add(picked);
        }
        return out;
    }

    /**
     * One batch of {@code n} rows from groups of rows ({@code rows[g][k]} is where row {@code k} of group
     * {@code g} goes); a group with null states contributes zero states. Null when every group is null.
     */
    static List<Map<String, INDArray>> scatter(int n, List<int[]> rows, List<List<Map<String, INDArray>>> groups) {
        List<Map<String, INDArray>> template = groups.stream().filter(g -> g != null).findFirst().orElse(null);
        if (template == null) {
            return null;
        }
        List<Map<String, INDArray>> out = new ArrayList<>(template.size());
        for (int layer = 0; layer < template.size(); layer++) {
            Map<String, INDArray> merged = new LinkedHashMap<>();
            for (Map.Entry<String, INDArray> e : template.get(layer).entrySet()) {
                long[] shape = e.getValue().shape().clone();
                shape[0] = n;
                INDArray all = Nd4j.zeros(e.getValue().dataType(), shape);
                for (int g = 0; g < groups.size(); g++) {
                    if (groups.get(g) != null) {
                        INDArray part = groups.get(g).get(layer).get(e.getKey());
                        for (int k = 0; k < rows.get(g).length; k++) {
                            all.slice(rows.get(g)[k]).assign(part.slice(k));
                        }
                    }
                }
                merged.put(e.getKey(), all);
            }
            out.add(merged);
        }
        return out;
    }

    /** Rows {@code rows} of {@code array} (first dimension), in order, as a new array. */
    static INDArray rows(INDArray array, int[] rows) {
        long[] shape = array.shape().clone();
        shape[0] = rows.length;
        INDArray out = Nd4j.create(array.dataType(), shape);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= array.size(0)) {
                throw new IllegalArgumentException("row " + rows[i] + " outside a state of " + array.size(0) + " rows");
            }
            out.slice(i).assign(array.slice(rows[i]));
        }
        return out;
    }
}
