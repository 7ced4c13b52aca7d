package org.rnnkit.core.weights;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reads the PyTorch parity fixtures written by {@code parity/make_fixtures.py}. */
final class Fixtures {
    private Fixtures() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/parity/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture " + name + " not found");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A nested JSON number array as a double INDArray of the same shape (c order). */
    static INDArray array(JsonNode node) {
        List<Long> shape = new ArrayList<>();
        JsonNode n = node;
        while (n.isArray()) {
            shape.add((long) n.size());
            n = n.get(0);
        }
        List<Double> values = new ArrayList<>();
        flatten(node, values);
        double[] d = values.stream().mapToDouble(Double::doubleValue).toArray();
        long[] s = shape.stream().mapToLong(Long::longValue).toArray();
        return Nd4j.create(d, s, 'c').castTo(DataType.DOUBLE);
    }

    private static void flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(c -> flatten(c, out));
        } else {
            out.add(node.asDouble());
        }
    }

    static Map<String, INDArray> tensors(JsonNode weights) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        weights.fields().forEachRemaining(e -> m.put(e.getKey(), array(e.getValue())));
        return m;
    }
}
