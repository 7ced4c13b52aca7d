package org.rnnkit.core.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Numerical gradient checks of {@link GRU} in double precision. */
class GruGradientCheckTest {

    @BeforeAll
    static void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    static boolean check(MultiLayerNetwork net, INDArray in, INDArray labels, INDArray fMask, INDArray lMask) {
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(in).labels(labels)
                .inputMask(fMask).labelMask(lMask).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void noMask(boolean resetAfter) {
        Random r = new Random(1);
        MultiLayerNetwork net = TestNets.withOutput(new GRU.Builder().nOut(4).resetAfter(resetAfter).build(), 3, 2, 12);
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        assertTrue(check(net, TestNets.rand(r, 2, 3, 5), TestNets.rand(r, 2, 2, 5), null, null));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void variableLengthsWithMasks(boolean resetAfter) {
        Random r = new Random(2);
        MultiLayerNetwork net = TestNets.withOutput(new GRU.Builder().nOut(4).resetAfter(resetAfter).build(), 3, 2, 13);
        net.params().assign(TestNets.rand(r, 1, net.numParams()));
        INDArray mask = TestNets.mask(new int[] {5, 3, 1}, 5);
        assertTrue(check(net, TestNets.rand(r, 3, 3, 5), TestNets.rand(r, 3, 2, 5), mask, mask));
    }
}
