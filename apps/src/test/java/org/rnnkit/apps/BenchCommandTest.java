package org.rnnkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnnkit bench} on a one-run grid: outputs, refusing to overwrite, resume, and a bad cell name. */
class BenchCommandTest {

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome bench(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "bench";
            System.arraycopy(args, 0, all, 1, args.length);
            int code = Main.run(all);
            return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void runsRefusesToOverwriteAndResumes(@TempDir Path dir) throws IOException {
        String[] grid = {"--tasks", "adding", "--lengths", "6", "--cells", "gru", "--size", "200",
            "--max-iterations", "4", "--seeds", "1", "--no-clipping", "--out", dir.toString()};
        Outcome first = bench(grid);
        assertEquals(0, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("estimate: at most"), first.out());
        assertTrue(first.out().contains("[1/1] adding T=6 gru seed 0"), first.out());
        for (String file : new String[] {"report.md", "results.json", "score-adding.png", "gradients-adding-T6.png"}) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("custom (from the full grid)") && report.contains("not the full grid"), report);
        assertTrue(report.contains("./rnnkit bench --tasks adding"), "the report records the command");

        Outcome again = bench(grid);
        assertEquals(CliErrors.BAD_INPUT, again.code());
        assertTrue(again.err().contains("already holds results.json: add --resume"), again.err());

        String[] resume = new String[grid.length + 1];
        System.arraycopy(grid, 0, resume, 0, grid.length);
        resume[grid.length] = "--resume";
        Outcome resumed = bench(resume);
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("kept from earlier results"), resumed.out());
        assertTrue(resumed.out().contains("for the 0 runs to do"),
                "the estimate leaves kept runs out: " + resumed.out());

        Files.delete(dir.resolve("report.md"));
        Outcome reported = bench("--report-only", "--out", dir.toString());
        assertEquals(0, reported.code(), reported.err());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("from the 1 runs finished by then"));
    }

    @Test
    void unknownCellIsAUsageError(@TempDir Path dir) {
        Outcome o = bench("--cells", "gru,tcn", "--out", dir.toString());
        assertEquals(CliErrors.BAD_INPUT, o.code());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("unknown cell 'tcn'"), o.err());
    }

    @Test
    void aResumedGridKeepsWhatMadeItsEarlierRuns() {
        Map<String, String> earlier = new LinkedHashMap<>();
        earlier.put("command", "./rnnkit bench --out full --resume");
        earlier.put("commit", "5b9f2b5");
        earlier.put("load average at start", "12.05");
        earlier.put("started", "2026-11-30T14:16:01Z");
        earlier.put("first started", "2026-11-30T14:06:38Z");
        earlier.put("finished", "2026-11-30T15:23:04Z");
        Map<String, String> now = new LinkedHashMap<>();
        now.put("command", "./rnnkit bench --out full --resume");
        now.put("commit", "abc1234");
        now.put("started", "2026-11-30T17:00:00Z");
        Map<String, String> merged = BenchCommand.merge(earlier, now, 114);
        assertEquals("abc1234", merged.get("commit"));
        assertEquals("2026-11-30T14:06:38Z", merged.get("first started"));
        assertEquals("`./rnnkit bench --out full --resume` at commit 5b9f2b5, started 2026-11-30T14:16:01Z, load "
                + "average 12.05, finished 2026-11-30T15:23:04Z (114 runs finished by then, kept)",
                merged.get("earlier invocations"));
        // The same command and commit again (a plain interruption): nothing to add.
        assertEquals(null, BenchCommand.merge(now, now, 3).get("earlier invocations"));
        assertEquals("2026-11-30T17:00:00Z", BenchCommand.merge(now, now, 3).get("first started"));
    }
}
