package org.rnnkit.core.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.decode.DecodeOptions;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.decode.StepModel;
import org.rnnkit.core.decode.TokenRules;
import org.rnnkit.core.builder.NetworkCompiler;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;

/**
 * Plain timed runner for {@link SpeedCase}s: each case's network is declared through rnnkit's builder and timed
 * against its {@link Dl4jTwin} (DL4J's own layers) in the same process, in alternating rounds so that load on the
 * machine hits both alike, after one untimed warm-up round each. Prints ms per operation, achieved GFLOP/s and the
 * ratio rnnkit / DL4J, then peak memory.
 */
public final class SpeedBench {

    private final PrintStream out;
    private final int rounds;
    private final double secondsPerRound;
    private final PeakMemory memory = new PeakMemory();

    /**
     * @param rounds          alternating timed rounds per side (the median round is reported)
     * @param secondsPerRound approximate length of one round
     */
    public SpeedBench(PrintStream out, int rounds, double secondsPerRound) {
        this.out = out;
        this.rounds = rounds;
        this.secondsPerRound = secondsPerRound;
    }

    /**
     * The result of one case: wall-clock milliseconds per operation on each side, and rnnkit's CPU milliseconds of
     * the calling thread (with one native thread all work runs there; a steadier figure on a shared machine).
     */
    public record Result(SpeedCase speedCase, double rnnkitMs, double dl4jMs, double rnnkitCpuMs, double dl4jCpuMs) {
        public double ratio() {
            return rnnkitMs / dl4jMs;
        }

        public double gflops() {
            return speedCase.flops() / (rnnkitMs * 1e6);
        }

        /** GFLOP/s over the thread's CPU time: the arithmetic rate while running, whatever else shares the cores. */
        public double cpuGflops() {
            return speedCase.flops() / (rnnkitCpuMs * 1e6);
        }

        public double cpuRatio() {
            return rnnkitCpuMs / dl4jCpuMs;
        }
    }

    /** Runs the cases in order, printing one line each, then the memory peaks. */
    public List<Result> run(List<SpeedCase> cases) {
        out.printf("%-28s %10s %10s %7s %8s | %10s %10s %7s %8s%n", "case", "rnnkit ms", "DL4J ms", "ratio",
                "GFLOP/s", "rnnkit cpu", "DL4J cpu", "ratio", "GFLOP/s");
        List<Result> results = cases.stream().map(c -> {
            Result r = run(c);
            out.printf("%-28s %10.2f %10.2f %6.2fx %8.1f | %10.2f %10.2f %6.2fx %8.1f%n", c.name(), r.rnnkitMs(),
                    r.dl4jMs(), r.ratio(), r.gflops(), r.rnnkitCpuMs(), r.dl4jCpuMs(), r.cpuRatio(), r.cpuGflops());
            out.flush();
            return r;
        }).toList();
        out.println(memory.describe());
        return results;
    }

    /** Times one case on both sides. */
    public Result run(SpeedCase c) {
        ModelSpec spec = spec(c);
        MultiLayerNetwork ours = network(NetworkCompiler.configuration(spec, DataType.FLOAT));
        MultiLayerNetwork theirs = network(Dl4jTwin.of(ours.getLayerWiseConfigurations()));
        Runnable a = operation(c, spec, ours);
        Runnable b = operation(c, spec, theirs);
        a.run();
        b.run();
        long t0 = System.nanoTime();
        a.run();
        double once = Math.max(1e-4, (System.nanoTime() - t0) / 1e9);
        int iterations = (int) Math.max(1, Math.min(200, secondsPerRound / once));
        double[][] mine = new double[2][rounds];
        double[][] base = new double[2][rounds];
        // One untimed round per side first: the JIT compiles the hot loops (the SIMD kernels among them) there,
        // which the first timed round of a process would otherwise pay for.
        time(a, iterations, mine, 0);
        time(b, iterations, base, 0);
        for (int r = 0; r < rounds; r++) {
            time(a, iterations, mine, r);
            time(b, iterations, base, r);
        }
        return new Result(c, median(mine[0]), median(base[0]), median(mine[1]), median(base[1]));
    }

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static ModelSpec spec(SpeedCase c) {
        SequenceBuilder b = c.kind() == SpeedCase.Kind.TRAIN ? Rnn.sequence(InputSpec.features(c.inputs()))
                : Rnn.sequence(InputSpec.tokens(SpeedCase.VOCAB)).embedding(c.inputs());
        switch (c.cell()) {
            case SIMPLE_RNN -> b.simpleRnn(c.units(), o -> o.layers(c.layers()));
            case LSTM -> b.lstm(c.units(), o -> o.layers(c.layers()));
            case GRU -> b.gru(c.units(), o -> o.layers(c.layers()));
        }
        return (c.kind() == SpeedCase.Kind.TRAIN ? b.regression(c.inputs()) : b.softmax(SpeedCase.VOCAB)).seed(1)
                .spec();
    }

    private Runnable operation(SpeedCase c, ModelSpec spec, MultiLayerNetwork net) {
        Random random = new Random(1);
        return switch (c.kind()) {
            case TRAIN -> {
                DataSet ds = new DataSet(Nd4j.rand(DataType.FLOAT, c.batch(), c.inputs(), c.steps()),
                        Nd4j.rand(DataType.FLOAT, c.batch(), c.inputs(), c.steps()));
                yield () -> net.fit(ds);
            }
            case OUTPUT -> {
                INDArray tokens = tokens(random, c.batch(), c.steps());
                yield () -> net.output(tokens);
            }
            case GENERATE -> () -> generate(net, c.batch(), c.steps());
            case DECODE -> {
                StepModel stepper = SequenceModel.of(spec, net).stepper();
                int[][] primers = new int[c.batch()][];
                Arrays.setAll(primers, i -> new int[] {random.nextInt(SpeedCase.VOCAB)});
                // No stop token: every row runs all steps, like the rnnTimeStep case.
                DecodeOptions options = DecodeOptions.maxLength(c.steps()).withTokens(TokenRules.none());
                yield () -> Search.greedy().decode(stepper, primers, options);
            }
        };
    }

    private static INDArray tokens(Random random, int batch, int steps) {
        float[] ids = new float[batch * steps];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(SpeedCase.VOCAB);
        }
        return Nd4j.create(ids, new long[] {batch, 1, steps}, 'c');
    }

    /** Greedy generation: one token per step per row, the arg-max fed back. */
    private static void generate(MultiLayerNetwork net, int batch, int steps) {
        net.rnnClearPreviousState();
        INDArray token = Nd4j.zeros(DataType.FLOAT, batch, 1, 1);
        for (int s = 0; s < steps; s++) {
            INDArray p = net.rnnTimeStep(token);
            token.assign(Nd4j.argMax(p.reshape(batch, SpeedCase.VOCAB), 1).castTo(DataType.FLOAT)
                    .reshape(batch, 1, 1));
        }
        net.rnnClearPreviousState();
    }

    /** Stores wall and thread-CPU milliseconds per iteration in {@code into[0][round]}, {@code into[1][round]}. */
    private void time(Runnable op, int iterations, double[][] into, int round) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            op.run();
            memory.sample();
        }
        into[0][round] = (System.nanoTime() - t0) / 1e6 / iterations;
        into[1][round] = (threads.getCurrentThreadCpuTime() - c0) / 1e6 / iterations;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
