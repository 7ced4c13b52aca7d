package org.rnnkit.core.layers;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Named arrays a layer reuses from one pass to the next, outside DL4J's workspaces: each name owns a flat buffer
 * that grows when a pass needs more and is otherwise reused, so a training loop allocates nothing per step, and the
 * forward trace survives until the backward pass without being recomputed.
 */
final class Scratch {

    private final Map<String, INDArray> buffers = new HashMap<>();

    /** A c-ordered array of {@code shape} over the buffer named {@code name}; contents undefined. */
    @SuppressWarnings("try") // the scope only needs to be open while the buffer is allocated
    INDArray get(String name, DataType dt, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        INDArray buf = buffers.get(name);
        if (buf == null || buf.dataType() != dt || buf.length() < n) {
            long capacity = buf == null || buf.dataType() != dt ? n : Math.max(n, buf.length() + buf.length() / 2);
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                buf = Nd4j.createUninitialized(dt, capacity);
            }
            buffers.put(name, buf);
        }
        INDArray prefix = n == buf.length() ? buf : buf.get(NDArrayIndex.interval(0, n));
        return prefix.reshape('c', shape);
    }

    /** Like {@link #get} with every element set to 0. */
    INDArray zeros(String name, DataType dt, long... shape) {
        return get(name, dt, shape).assign(0);
    }

    /** Releases every buffer (they are reallocated on demand). */
    void clear() {
        buffers.clear();
    }
}
