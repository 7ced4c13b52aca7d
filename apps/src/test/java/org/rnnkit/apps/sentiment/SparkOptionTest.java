package org.rnnkit.apps.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.apps.CliRun;

/**
 * {@code sentiment train --spark}: the apps module has no Spark, so without the spark module on the classpath (as in
 * these tests) the option is a clear usage error; with it, the launcher's run is measured in README.
 */
class SparkOptionTest {

    private static void assertUsageError(CliRun r, Path out, String... parts) {
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("rnnkit sentiment: "), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), () -> "'" + p + "' not in: " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out.resolve("model.zip")), "nothing written");
    }

    @Test
    void sparkWithoutTheSparkModuleIsAUsageError(@TempDir Path dir) {
        Path out = dir.resolve("run");
        assertUsageError(CliRun.run(SentimentCommandTest.train(out, "--spark", "local[2]")), out,
                "--spark needs the rnnkit-spark module", "./rnnkit");
    }

    @Test
    void sparkDoesNotCombineWithCheckpointsInsideAnEpoch(@TempDir Path dir) {
        Path out = dir.resolve("run");
        assertUsageError(CliRun.run(SentimentCommandTest.train(out, "--spark", "local[2]",
                "--checkpoint-every", "3")), out, "--checkpoint-every does not combine with --spark");
    }
}
