package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Numerical gradient checks of {@link AttentionVertex} in double precision, for every score, with padded sources
 * and padded targets. GRUs before the vertex make its input gradients part of the check (their parameters'
 * gradients flow through them).
 */
class AttentionGradientCheckTest {

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    /** decoder input [b, 2, tt] → GRU 3 → attention (3 units) ← GRU 3 (or 4) ← encoder input [b, 2, ts]; softmax over 2. */
    static ComputationGraph net(AttentionVertex.Score score, long seed) {
        int encoderUnits = score == AttentionVertex.Score.DOT ? 3 : 4;
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new NoOp())
                .graphBuilder()
                .addInputs("dec", "enc")
                .setInputTypes(InputType.recurrent(2), InputType.recurrent(2))
                .addLayer("decGru", new GRU.Builder().nOut(3).build(), "dec")
                .addLayer("encGru", new GRU.Builder().nOut(encoderUnits).build(), "enc")
                .addVertex("attention", new AttentionVertex(score, 3, encoderUnits, 3, new NoOp()), "decGru", "encGru")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(2).build(), "attention")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    static INDArray oneHot(Random r, int batch, int classes, int steps) {
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, batch, classes, steps);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                labels.putScalar(b, r.nextInt(classes), t, 1);
            }
        }
        return labels;
    }

    @ParameterizedTest
    @EnumSource(AttentionVertex.Score.class)
    void gradientsWithPaddedSourcesAndTargets(AttentionVertex.Score score) {
        Random r = new Random(7 + score.ordinal());
        ComputationGraph graph = net(score, 11);
        graph.params().assign(TestNets.rand(r, 1, graph.numParams()).muli(2));
        INDArray dec = TestNets.rand(r, 3, 2, 4);
        INDArray enc = TestNets.rand(r, 3, 2, 5);
        INDArray decMask = TestNets.mask(new int[] {4, 2, 3}, 4);
        INDArray encMask = TestNets.mask(new int[] {5, 3, 1}, 5);
        INDArray labels = oneHot(r, 3, 2, 4);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {dec, enc}).labels(new INDArray[] {labels})
                .inputMask(new INDArray[] {decMask, encMask}).labelMask(new INDArray[] {decMask})
                .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)));
    }

    @ParameterizedTest
    @EnumSource(AttentionVertex.Score.class)
    void parametersAreCountedAndLaidOut(AttentionVertex.Score score) {
        ComputationGraph graph = net(score, 3);
        AttentionGraphVertex vertex = (AttentionGraphVertex) graph.getVertex("attention");
        long e = score == AttentionVertex.Score.DOT ? 3 : 4;
        long expected = (e + 3) * 3 + 3 + switch (score) {
            case DOT -> 0;
            case GENERAL -> e * 3;
            case ADDITIVE -> 3 * 3 + e * 3 + 3 + 3;
        };
        assertEquals(expected, vertex.numParams());
        // The views are views: writing through one changes the network's flat vector.
        vertex.paramTable(false).get("Wc").putScalar(0, 0, 42.0);
        assertEquals(42.0, vertex.params().getDouble(0), 0.0);
    }
}
