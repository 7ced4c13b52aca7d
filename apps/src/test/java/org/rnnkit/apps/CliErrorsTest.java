package org.rnnkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.datasets.DataFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** User errors are one line without a trace; anything else, a library's IllegalArgumentException included, shows its trace. */
class CliErrorsTest {

    /** Throws what its argument names. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @Parameters
        String what;

        @Override
        public Integer call() throws Exception {
            throw switch (what) {
                case "data" -> DataFormatException.at("reviews.tsv", "line 3", "a label after the tab");
                case "spec" -> new SpecException("dropout must be in [0, 1), got 1.5");
                case "usage" -> new UsageException("text 2 is empty: nothing to predict");
                case "io" -> new java.nio.file.NoSuchFileException("runs/none.zip");
                default -> new IllegalArgumentException("index 7 out of bounds for a library's own array");
            };
        }
    }

    private record Outcome(int code, String err) {
    }

    private static Outcome run(String what) {
        @Command(name = "rnnkit", subcommands = Fail.class)
        final class Root {
        }
        CommandLine cli = new CommandLine(new Root());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        CliErrors.install(cli);
        int code = cli.execute("fail", what);
        return new Outcome(code, err.toString());
    }

    @Test
    void rnnkitsUserErrorsAreOneLine() {
        for (String what : new String[] {"data", "spec", "usage", "io"}) {
            Outcome o = run(what);
            assertEquals(CliErrors.BAD_INPUT, o.code(), o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("rnnkit fail: "), o.err());
            assertFalse(o.err().contains("\tat "), o.err());
        }
        assertTrue(run("spec").err().contains("dropout must be in [0, 1), got 1.5"));
    }

    @Test
    void aLibraryIllegalArgumentExceptionIsABugWithItsTrace() {
        Outcome o = run("bug");
        assertEquals(CliErrors.INTERNAL, o.code(), o.err());
        assertTrue(o.err().startsWith("rnnkit fail: internal error: java.lang.IllegalArgumentException: index 7"), o.err());
        assertTrue(o.err().contains("\tat org.rnnkit.apps.CliErrorsTest$Fail.call"), o.err());
    }
}
