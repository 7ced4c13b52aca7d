package org.rnnkit.core.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One of rnnkit's recurrent layers run one time step at a time for inference, on buffers allocated once for a
 * given number of rows: the input product and the layer's own {@link CellKernel} on a one-step {@link Trace}, with
 * none of the per-call work of {@code rnnTimeStep} (views, state maps, workspaces). Reads the layer's parameters
 * on every step, so it follows training that updates them in place.
 */
final class CellStep {

    final int rows;
    final int units;
    final int inputs;
    private final CellKernel kernel;
    private final Trace trace;
    private final Mat x;
    private final Buf xBuf;
    private final Mat gates;
    private final CellKernel.Work work;
    private final CellKernel.Weights weights;
    private final Buf biasParam;
    private final int biasLength;
    /**
     * The arrays behind {@link #work}'s matrices: {@link Mat} and {@link Buf} only address native memory, so the
     * arrays must stay reachable or the collector frees that memory under them.
     */
    private final INDArray[] workArrays;
    /** The step's input and input product in Java, for {@link StepGemm#multiplyNative}. */
    private final float[] xRows;
    private final float[] gateRows;

    @SuppressWarnings("try") // the scope only needs to be open while the buffers are allocated
    CellStep(CellLayer layer, int rows) {
        this.rows = rows;
        this.kernel = layer.kernel();
        this.units = kernel.h;
        INDArray w = layer.getParam(CellParamInitializer.INPUT_WEIGHT_KEY);
        INDArray rw = layer.getParam(CellParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray b = layer.getParam(CellParamInitializer.BIAS_KEY);
        DataType dt = w.dataType();
        this.inputs = (int) w.size(0);
        this.biasParam = Buf.ofVector(b);
        this.biasLength = (int) b.length();
        this.weights = new CellKernel.Weights(Mat.of(w), Mat.of(rw), new double[biasLength]);
        int width = kernel.gates * units;
        // Outside any workspace: DL4J resets its workspaces between calls, and these buffers live across calls.
        INDArray xs;
        INDArray gateArray;
        INDArray aux;
        INDArray hs;
        INDArray cs;
        INDArray rec;
        INDArray small;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            xs = Nd4j.create(dt, 1, rows, inputs);
            gateArray = Nd4j.create(dt, 1, rows, width);
            aux = kernel.auxBlocks() == 0 ? null : Nd4j.create(dt, 1, rows, (long) kernel.auxBlocks() * units);
            hs = Nd4j.create(dt, 2, rows, units);
            cs = kernel.hasMemory() ? Nd4j.create(dt, 2, rows, units) : null;
            rec = Nd4j.create(dt, rows, width);
            small = Nd4j.create(dt, rows, units);
        }
        this.trace = new Trace(xs, gateArray, aux, hs, cs, null, null);
        this.x = Mat.rowsOf(xs, inputs);
        this.xBuf = Buf.of(xs);
        this.gates = Mat.rowsOf(gateArray, width);
        this.workArrays = new INDArray[] {rec, small};
        this.xRows = new float[rows * inputs];
        this.gateRows = new float[rows * width];
        this.work = new CellKernel.Work(Mat.rowsOf(rec, width), Buf.of(rec), Mat.rowsOf(small, units), Buf.of(small),
                rows, width, units);
    }

    boolean hasMemory() {
        return kernel.hasMemory();
    }

    /** The step's input {@code [rows, inputs]}, to be filled before {@link #step}. */
    Buf input() {
        return xBuf;
    }

    /** The new hidden state as a matrix {@code [rows, units]}. */
    Mat outputMatrix() {
        return trace.hMat.rows(rows, rows);
    }

    /**
     * One step from the state {@code h} (and {@code c} for cells with memory), both {@code [rows * units]};
     * writes the new state over them.
     */
    void step(double[] h, double[] c) {
        int n = rows * units;
        double[] bias = weights.bias();
        biasParam.read(0, bias, biasLength);
        trace.hBuf.write(0, h, n);
        if (c != null) {
            trace.cBuf.write(0, c, n);
        }
        if (rows > 1 && StepGemm.nativeOperand(weights.w())) {
            // Several rows: read the weights in place rather than have OpenBLAS pack them on every step.
            xBuf.readFloats(0, xRows, xRows.length);
            StepGemm.INSTANCE.multiplyNative(xRows, weights.w(), gateRows, rows);
            trace.gatesBuf.writeFloats(0, gateRows, gateRows.length);
        } else {
            Blas.gemm(x, false, weights.w(), false, gates, 0);
        }
        kernel.forward(trace, 0, weights, work);
        trace.hBuf.read(n, h, n);
        if (c != null) {
            trace.cBuf.read(n, c, n);
        }
    }
}
