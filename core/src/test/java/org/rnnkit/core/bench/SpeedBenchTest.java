package org.rnnkit.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rnnkit.core.spec.Cell;

/** The speed harness runs each kind of case on both sides and reports what it measured (no timing asserted). */
class SpeedBenchTest {

    @Test
    void runsEveryKindOfCaseAndPrintsOneLineEach() {
        List<SpeedCase> cases = List.of(
                new SpeedCase("tiny-train", SpeedCase.Kind.TRAIN, Cell.GRU, 2, 3, 2, 3, 1),
                new SpeedCase("tiny-generate", SpeedCase.Kind.GENERATE, Cell.LSTM, 2, 3, 4, 3, 2),
                new SpeedCase("tiny-output", SpeedCase.Kind.OUTPUT, Cell.SIMPLE_RNN, 2, 3, 4, 3, 1),
                new SpeedCase("tiny-decode", SpeedCase.Kind.DECODE, Cell.GRU, 2, 3, 4, 3, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<SpeedBench.Result> results = new SpeedBench(new PrintStream(bytes, true, StandardCharsets.UTF_8), 1,
                0.01).run(cases);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, results.size());
        for (SpeedBench.Result r : results) {
            assertTrue(r.rnnkitMs() > 0 && r.dl4jMs() > 0 && r.gflops() > 0, r.toString());
            assertTrue(text.contains(r.speedCase().name()), text);
        }
        assertTrue(text.contains("peak memory: heap"), text);
    }

    @Test
    void flopsCountForwardOnceAndTrainingThrice() {
        SpeedCase train = new SpeedCase("t", SpeedCase.Kind.TRAIN, Cell.LSTM, 32, 100, 16, 256, 1);
        double forward = 2.0 * 32 * 100 * (16 + 256) * 4 * 256 + 2.0 * 32 * 100 * 256 * 16;
        assertEquals(forward, train.forwardFlops(), 1e-6);
        assertEquals(3 * forward, train.flops(), 1e-6);
        assertEquals(26, SpeedCase.issueCases(false).size());
    }
}
