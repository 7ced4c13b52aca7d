package org.rnnkit.apps;

import java.util.Map;
import java.util.concurrent.Callable;
import org.rnnkit.core.Environment;
import picocli.CommandLine.Command;

/** {@code rnnkit info}: versions, ND4J backend, CPU instruction set and threads. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show versions, the ND4J backend, the CPU instruction set and thread settings.")
final class InfoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Map<String, String> info = Environment.describe();
        int width = info.keySet().stream().mapToInt(String::length).max().orElse(0);
        info.forEach((k, v) -> System.out.printf("%-" + width + "s  %s%n", k, v));
        return 0;
    }
}
