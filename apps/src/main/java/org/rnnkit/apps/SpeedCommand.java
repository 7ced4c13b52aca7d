package org.rnnkit.apps;

import java.util.List;
import java.util.concurrent.Callable;

import org.rnnkit.core.bench.SpeedBench;
import org.rnnkit.core.bench.SpeedCase;
import org.rnnkit.core.layers.RecurrentCell;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnnkit speed}: times rnnkit's recurrent layers against DL4J's own on the speed issue's cases. */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = "Time training, generation and output() of rnnkit's recurrent layers against DL4J's own "
                + "layers in the same process; prints ms, GFLOP/s, the ratio and peak memory.")
final class SpeedCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "One size per cell, shorter generation, fewer rounds.")
    boolean quick;

    @Option(names = "--cases", split = ",", paramLabel = "PREFIX",
            description = "Only cases whose name starts with one of these (e.g. train-gru,generate).")
    List<String> cases;

    @Option(names = "--rounds", description = "Alternating timed rounds per side; the median is reported "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int rounds;

    @Override
    public Integer call() {
        List<SpeedCase> selected = SpeedCase.issueCases(quick).stream()
                .filter(c -> cases == null || cases.stream().anyMatch(p -> c.name().startsWith(p)))
                .toList();
        if (selected.isEmpty()) {
            System.err.println("no case matches " + cases + "; names: "
                    + SpeedCase.issueCases(false).stream().map(SpeedCase::name).toList());
            return 2;
        }
        System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + ", float32, gate math "
                + RecurrentCell.gateMath());
        new SpeedBench(System.out, quick ? 3 : rounds, quick ? 0.5 : 1.5).run(selected);
        return 0;
    }
}
