package org.rnnkit.core.layers;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arithmetic of one recurrent cell for one time step, forward and backward, over a whole minibatch. The time
 * loop, masks, states and the all-steps matrix products live in {@link SequenceLoop}; a kernel only computes a
 * step, as Keras separates a cell from its RNN loop. Each step does its recurrent matrix product(s) and then its
 * element-wise gate math in a single Java pass.
 *
 * <p>Gate blocks are {@code H} wide and follow the parameter layout of the cell's configuration.
 */
abstract class CellKernel {

    /** Hidden size. */
    final int h;
    /** Number of H-wide blocks in the input projection (1 SimpleRnn, 3 GRU, 4 LSTM). */
    final int gates;
    final Fn act;
    final Fn gate;

    CellKernel(int h, int gates, Fn act, Fn gate) {
        this.h = h;
        this.gates = gates;
        this.act = act;
        this.gate = gate;
    }

    /** H-wide blocks per step kept in {@link Trace#aux} for the backward pass. */
    int auxBlocks() {
        return 0;
    }

    /** Whether the cell has a memory cell besides its hidden state (LSTM). */
    boolean hasMemory() {
        return false;
    }

    /** Whether recurrent weights see a different gradient than the input weights (then {@code dRec} is separate). */
    boolean separateRecurrentGradient() {
        return false;
    }

    /**
     * Step {@code t}: reads the input projection in {@code gates[t]} (bias not yet added), {@code h[t]} and
     * {@code c[t]}; writes the gate outputs over {@code gates[t]}, {@code aux[t]} and the unmasked new state into
     * {@code h[t+1]} (and {@code c[t+1]}).
     */
    abstract void forward(Trace tr, int t, Weights w, Work work);

    /**
     * Backward through step {@code t}: from the gradient {@code s.dh} (and {@code s.dc}) with respect to the new
     * state, writes the pre-activation gradients of step {@code t} into {@code s.dPre} (and {@code s.dRec}) and adds
     * the gradient with respect to the previous state into {@code s.dhPrev} (and {@code s.dcPrev}).
     */
    abstract void backward(Trace tr, int t, Weights w, Work work, StepGrad s);

    /**
     * Recurrent weight and bias gradients over all steps, after the backward loop: by default {@code gRW =
     * H_prev^T dRec} as one matrix product. The input part of the bias gradient is already in {@code gBias};
     * {@code ones} is a row of ones {@code [1, T*mb]} for column sums.
     */
    void recurrentGradients(Trace tr, Mat hPrev, Mat dRec, Mat ones, Mat gRW, INDArray gBias) {
        Blas.gemm(hPrev, true, dRec, false, gRW, 0);
    }

    /** Index of element {@code (row, col)} of a step block {@code [mb, width]} that starts at {@code base}. */
    static int at(int base, int width, int row, int col) {
        return base + row * width + col;
    }

    /**
     * Parameters for one pass: weight matrices as DL4J keeps them, the bias copied to Java and, for float layers
     * where {@link StepGemm} runs, row-major Java copies of the recurrent weights for the steps' products (made on
     * first use, once per pass: the forward steps need {@code RW}, the backward steps {@code RW^T}).
     */
    static final class Weights {
        private final Mat w;
        private final Mat rw;
        private final double[] bias;
        private final boolean stepGemm;
        private final boolean inPlace;
        private float[] rwRows;
        private float[] rwColumns;

        /**
         * Weights read in place on every step, for a stepper whose parameters may change between calls: products of
         * several rows on {@link StepGemm#multiplyNative} where it takes them, the others through CBLAS.
         */
        Weights(Mat w, Mat rw, double[] bias) {
            this(w, rw, bias, false, StepGemm.nativeOperand(rw));
        }

        private Weights(Mat w, Mat rw, double[] bias, boolean stepGemm, boolean inPlace) {
            this.w = w;
            this.rw = rw;
            this.bias = bias;
            this.stepGemm = stepGemm && rw.isFloat && StepGemm.INSTANCE != null;
            this.inPlace = inPlace;
        }

        /** Weights for one pass, with the steps' products on {@link StepGemm} where it runs. */
        static Weights of(INDArray w, INDArray rw, double[] bias) {
            return of(w, rw, bias, true);
        }

        /** As {@link #of(INDArray, INDArray, double[])}, choosing whether the steps may use {@link StepGemm}. */
        static Weights of(INDArray w, INDArray rw, double[] bias, boolean stepGemm) {
            return new Weights(Mat.of(w), Mat.of(rw), bias, stepGemm, false);
        }

        Mat w() {
            return w;
        }

        Mat rw() {
            return rw;
        }

        double[] bias() {
            return bias;
        }

        /** Whether the steps' recurrent products run on {@link StepGemm}. */
        boolean stepGemm() {
            return stepGemm;
        }

        /** {@code RW [H, G*H]} row-major. */
        float[] rwRows() {
            if (rwRows == null) {
                rwRows = StepGemm.dense(rw, false, null);
            }
            return rwRows;
        }

        /** {@code RW^T [G*H, H]} row-major. */
        float[] rwColumns() {
            if (rwColumns == null) {
                rwColumns = StepGemm.dense(rw, true, null);
            }
            return rwColumns;
        }
    }

    /**
     * Per-pass scratch, allocated once by the loop: native {@code rec [mb, G*H]} and {@code small [mb, H]} for the
     * step's matrix products, and Java arrays where a step assembles its pre-activations and runs its activations
     * over contiguous runs ({@link Fn#apply(double[], int, int)}).
     */
    static final class Work {
        /** Number of {@link #narrow} arrays. */
        static final int NARROW = 6;
        private final Mat rec;
        private final Buf recBuf;
        private final Mat small;
        private final Buf smallBuf;
        private final int width;
        private final double[] pre;
        private final double[] wide;
        private final double[][] narrow;
        private final int h;
        /** Float copies for {@link StepGemm}: a step's input rows, its product, its gradient rows, dL/dh_prev. */
        private float[] hIn;
        private float[] recOut;
        private float[] dIn;
        private float[] dhOut;
        private boolean recInJava;

        Work(Mat rec, Buf recBuf, Mat small, Buf smallBuf, int mb, int width, int h) {
            this.rec = rec;
            this.recBuf = recBuf;
            this.small = small;
            this.smallBuf = smallBuf;
            this.width = width;
            this.pre = new double[mb * width];
            this.wide = new double[mb * width];
            this.narrow = new double[NARROW][mb * h];
            this.h = h;
        }

        /**
         * The step's recurrent product {@code h_t RW} from the state rows {@code [t*mb, (t+1)*mb)} of {@code tr},
         * which {@link #preActivations(Buf, int, double[], int)} then adds: on {@link StepGemm} when the weights
         * allow it, otherwise through CBLAS into {@link #rec()}.
         */
        void recurrentProduct(Trace tr, int t, Weights w) {
            int mb = tr.mb;
            // One row stays with CBLAS, whose gemv needs no packing either.
            recInJava = w.stepGemm() || w.inPlace && mb > 1;
            if (!recInJava) {
                Blas.gemm(tr.hMat.rows(t * mb, mb), false, w.rw(), false, rec, 0);
                return;
            }
            int n = mb * h;
            if (hIn == null) {
                hIn = new float[n];
                recOut = new float[pre.length];
            }
            tr.hBuf.readFloats(t * n, hIn, n);
            if (w.stepGemm()) {
                StepGemm.INSTANCE.multiply(hIn, w.rwRows(), recOut, mb, h, width, false);
            } else {
                StepGemm.INSTANCE.multiplyNative(hIn, w.rw(), recOut, mb);
            }
        }

        /**
         * Adds the step's gradient through the recurrent weights to {@code s.dhPrev}: {@code d RW^T}, where {@code d}
         * holds the step's gradient rows {@code [mb, G*H]} in Java and {@code dRows} the same rows in native memory.
         */
        void addStateGradient(double[] d, Mat dRows, Weights w, StepGrad s) {
            if (!w.stepGemm()) {
                Blas.gemm(dRows, false, w.rw(), true, s.dhPrev, 1);
                return;
            }
            int mb = dRows.rows;
            int n = mb * h;
            if (dIn == null) {
                dIn = new float[pre.length];
                dhOut = new float[n];
            }
            for (int i = 0; i < mb * width; i++) {
                dIn[i] = (float) d[i];
            }
            s.dhPrevBuf.readFloats(0, dhOut, n);
            StepGemm.INSTANCE.multiply(dIn, w.rwColumns(), dhOut, mb, width, h, true);
            s.dhPrevBuf.writeFloats(0, dhOut, n);
        }

        Mat rec() {
            return rec;
        }

        Buf recBuf() {
            return recBuf;
        }

        Mat small() {
            return small;
        }

        Buf smallBuf() {
            return smallBuf;
        }

        /**
         * The step's pre-activations {@code [mb, G*H]}: the input projection at {@code g[base...]} plus the bias,
         * plus the recurrent product of {@link #recurrentProduct} for the first {@code recWidth} columns of each row.
         */
        double[] preActivations(Buf g, int base, double[] bias, int recWidth) {
            int rows = pre.length / width;
            g.read(base, pre, pre.length);
            double[] r = wide;
            if (recInJava) {
                for (int i = 0; i < r.length; i++) {
                    r[i] = recOut[i];
                }
            } else {
                recBuf.read(0, r, r.length);
            }
            for (int b = 0; b < rows; b++) {
                int row = b * width;
                for (int j = 0; j < recWidth; j++) {
                    pre[row + j] = pre[row + j] + bias[j] + r[row + j];
                }
                for (int j = recWidth; j < width; j++) {
                    pre[row + j] += bias[j];
                }
            }
            return pre;
        }

        /** The array {@link #preActivations(Buf, int, double[], int)} fills, {@code [mb, G*H]}. */
        double[] preActivations() {
            return pre;
        }

        /**
         * A second array {@code [mb, G*H]}: after {@link #preActivations(Buf, int, double[], int)} it holds the
         * step's recurrent product; otherwise free for the kernel's use.
         */
        double[] wide() {
            return wide;
        }

        /** Array {@code k < }{@value #NARROW} of size {@code [mb, H]}, free for the kernel's use. */
        double[] narrow(int k) {
            return narrow[k];
        }
    }

    /** The gradients of one backward step; see {@link #backward}. */
    static final class StepGrad {
        Buf dh;
        Buf dc;
        Mat dhPrev;
        Buf dhPrevBuf;
        Buf dcPrev;
        /** Pre-activation gradients of all steps {@code [T*mb, G*H]}; step t is rows {@code [t*mb, (t+1)*mb)}. */
        Mat dPre;
        Buf dPreBuf;
        Mat dRec;
        Buf dRecBuf;
    }
}
