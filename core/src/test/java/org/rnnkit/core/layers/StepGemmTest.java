package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Java step products give CBLAS's results: the kernel against a plain product over sizes that reach every tail,
 * and whole forward and backward passes of each cell, masked, with and without it.
 */
class StepGemmTest {

    private static void assumeStepGemm() {
        Assumptions.assumeTrue(StepGemm.INSTANCE != null, "needs --add-modules jdk.incubator.vector on x86-64");
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void productMatchesAPlainLoop() {
        assumeStepGemm();
        Random r = new Random(3);
        for (int m : new int[] {1, 4, 6, 32}) {
            for (int k : new int[] {1, 9, 64}) {
                for (int n : new int[] {3, 16, 37, 64, 148}) {
                    for (boolean add : new boolean[] {false, true}) {
                        float[] a = random(r, m * k);
                        float[] b = random(r, k * n);
                        float[] c = random(r, m * n);
                        double[] expected = new double[m * n];
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                double s = add ? c[i * n + j] : 0;
                                for (int p = 0; p < k; p++) {
                                    s += (double) a[i * k + p] * b[p * n + j];
                                }
                                expected[i * n + j] = s;
                            }
                        }
                        StepGemm.INSTANCE.multiply(a, b, c, m, k, n, add);
                        for (int i = 0; i < m * n; i++) {
                            assertEquals(expected[i], c[i], 1e-5 * (1 + Math.sqrt(k)),
                                    "m=" + m + " k=" + k + " n=" + n + " add=" + add + " at " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void nativeProductMatchesAPlainLoop() {
        assumeStepGemm();
        Random r = new Random(4);
        for (int m : new int[] {1, 5, 8}) {
            for (int k : new int[] {9, 37, 64}) {
                for (int n : new int[] {3, 37, 130}) {
                    float[] a = random(r, m * k);
                    // A column-major view with a leading dimension past its rows, as a parameter view can be.
                    INDArray bigger = Nd4j.rand(DataType.FLOAT, 'f', k + 3, n);
                    INDArray b = bigger.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, k + 2),
                            org.nd4j.linalg.indexing.NDArrayIndex.all());
                    Mat bm = Mat.of(b);
                    org.junit.jupiter.api.Assertions.assertTrue(StepGemm.nativeOperand(bm));
                    float[] c = new float[m * n];
                    StepGemm.INSTANCE.multiplyNative(a, bm, c, m);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double s = 0;
                            for (int p = 0; p < k; p++) {
                                s += a[i * k + p] * b.getDouble(p, j);
                            }
                            assertEquals(s, c[i * n + j], 1e-5 * (1 + Math.sqrt(k)),
                                    "m=" + m + " k=" + k + " n=" + n + " at " + i + "," + j);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru"})
    void stepperAtSeveralRowsGivesTheWholeSequenceOutput(String cell) {
        assumeStepGemm();
        int vocab = 11;
        int rows = 6;
        int steps = 5;
        org.rnnkit.core.builder.SequenceBuilder b = org.rnnkit.core.Rnn
                .sequence(org.rnnkit.core.spec.InputSpec.tokens(vocab)).embedding(20);
        if (cell.equals("lstm")) {
            b.lstm(37, o -> o.layers(2));
        } else {
            b.gru(37, o -> o.layers(2));
        }
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork net = new org.deeplearning4j.nn.multilayer
                .MultiLayerNetwork(org.rnnkit.core.builder.NetworkCompiler.configuration(
                        b.softmax(vocab).seed(5).spec(), DataType.FLOAT));
        net.init();
        net.params().addi(Nd4j.rand(DataType.FLOAT, net.params().shape()).subi(0.5).muli(0.2));
        Random random = new Random(8);
        int[][] tokens = new int[steps][rows];
        INDArray x = Nd4j.zeros(DataType.FLOAT, rows, 1, steps);
        for (int t = 0; t < steps; t++) {
            for (int r = 0; r < rows; r++) {
                tokens[t][r] = random.nextInt(vocab);
                x.putScalar(new long[] {r, 0, t}, tokens[t][r]);
            }
        }
        INDArray whole = net.output(x); // the sequence path: input product once, steps on per-pass weight copies
        NetworkStepper stepper = NetworkStepper.of(net).orElseThrow();
        NetworkStepper.State state = stepper.zeroState(rows);
        for (int t = 0; t < steps; t++) {
            NetworkStepper.Result result = stepper.step(state, tokens[t]);
            for (int r = 0; r < rows; r++) {
                double[] want = whole.get(org.nd4j.linalg.indexing.NDArrayIndex.point(r),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(t))
                        .castTo(DataType.DOUBLE).toDoubleVector();
                assertArrayEquals(want, result.probabilities()[r], 1e-5, cell + " step " + t + " row " + r);
            }
            state = result.next();
        }
    }

    @Test
    void denseCopiesEitherOrderAndItsTranspose() {
        INDArray m = Nd4j.rand(DataType.FLOAT, 5, 7);
        for (char order : new char[] {'c', 'f'}) {
            INDArray a = m.dup(order);
            assertArrayEquals(m.dup('c').data().asFloat(), StepGemm.dense(Mat.of(a), false, null), 0f);
            assertArrayEquals(m.transpose().dup('c').data().asFloat(), StepGemm.dense(Mat.of(a), true, null), 0f);
        }
        // A view with a leading dimension larger than its lines: columns 2..5 of a c-ordered matrix.
        INDArray view = m.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6));
        float[] into = new float[64];
        org.junit.jupiter.api.Assertions.assertSame(into, StepGemm.dense(Mat.of(view), false, into), "reuses an array large enough");
        assertArrayEquals(view.dup('c').data().asFloat(), java.util.Arrays.copyOf(into, 20), 0f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru", "gru-before", "lstm", "rnn"})
    void passesMatchCblas(String kind) {
        assumeStepGemm();
        // 37 units: the products reach the kernel's wide, single-vector and scalar columns; 6 rows a partial block.
        int units = 37;
        int inputs = 5;
        int mb = 6;
        int steps = 7;
        RecurrentCell conf = (RecurrentCell) CellLayersTest.cell(kind, units);
        conf.setNIn(inputs);
        CellKernel kernel = conf.kernel();
        int width = kernel.gates * units;
        Nd4j.getRandom().setSeed(11);
        INDArray w = Nd4j.randn(DataType.FLOAT, inputs, width).muli(0.4).dup('f');
        INDArray rw = Nd4j.randn(DataType.FLOAT, units, width).muli(0.3).dup('f');
        double[] bias = Nd4j.randn(DataType.DOUBLE, 1, conf.biasLength()).muli(0.1).toDoubleVector();
        INDArray x = Nd4j.randn(DataType.FLOAT, steps, mb, inputs);
        INDArray eps = Nd4j.randn(DataType.FLOAT, steps, mb, units);
        INDArray mask = Nd4j.ones(DataType.FLOAT, mb, steps);
        mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(4, steps)).assign(0);
        float[][] blas = pass(kernel, x, eps, mask, CellKernel.Weights.of(w, rw, bias, false), conf);
        float[][] java = pass(kernel, x, eps, mask, CellKernel.Weights.of(w, rw, bias, true), conf);
        String[] names = {"output", "dL/dx", "dL/dW", "dL/dRW", "dL/db"};
        for (int i = 0; i < names.length; i++) {
            assertArrayEquals(blas[i], java[i], 2e-4f, kind + " " + names[i]);
        }
    }

    private static float[][] pass(CellKernel kernel, INDArray x, INDArray eps, INDArray mask, CellKernel.Weights w,
            RecurrentCell conf) {
        Scratch mem = new Scratch();
        Trace tr = SequenceLoop.forward(kernel, x.dup(), w, null, null, mask, mem);
        float[] out = tr.out.dup('c').data().asFloat();
        INDArray gW = Nd4j.create(DataType.FLOAT, w.w().rows, w.w().cols);
        INDArray gRW = Nd4j.create(DataType.FLOAT, w.rw().rows, w.rw().cols);
        INDArray gB = Nd4j.create(DataType.FLOAT, 1, conf.biasLength());
        INDArray epsIn = SequenceLoop.backward(kernel, tr, eps, w, 0, gW, gRW, gB, null, mem,
                LayerWorkspaceMgr.noWorkspaces());
        return new float[][] {out, epsIn.dup('c').data().asFloat(), gW.data().asFloat(), gRW.data().asFloat(),
            gB.data().asFloat()};
    }
}
