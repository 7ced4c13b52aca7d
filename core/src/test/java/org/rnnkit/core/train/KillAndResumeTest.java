package org.rnnkit.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming equals never stopping: a training process with shuffled batches and dropout is killed with SIGKILL
 * twice after checkpoints exist, restarted with resume each time, and must end with exactly the parameters of a
 * run that was never interrupted.
 */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void twoSigkillsAndResumesEndBitIdenticalToAnUninterruptedRun() throws Exception {
        Path straight = dir.resolve("straight.bin");
        Child uninterrupted = Child.start("-", straight, 0);
        assertEquals(0, uninterrupted.finish(), uninterrupted.output());

        Path checkpoints = dir.resolve("checkpoints");
        Path resumed = dir.resolve("resumed.bin");
        // 6 batches per epoch, a checkpoint every 3 iterations: killed at iterations 8 and 17, it loses 2 batches each time.
        Child first = Child.start(checkpoints.toString(), resumed, 8);
        first.killWhenPaused();
        assertTrue(first.output().contains("first 1 1"), first.output());
        assertTrue(Files.exists(checkpoints.resolve("last.zip")), "a checkpoint exists before the first kill");

        Child second = Child.start(checkpoints.toString(), resumed, 17);
        second.killWhenPaused();
        assertTrue(second.output().contains("first 2 1"), "resumed after iteration 6: " + second.output());

        Child last = Child.start(checkpoints.toString(), resumed, 0);
        assertEquals(0, last.finish(), last.output());
        assertTrue(last.output().contains("first 3 4"), "resumed after iteration 15: " + last.output());

        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed),
                "final parameters, bit for bit");
    }

    /** A {@link ResumableRun} in a child JVM on this test's class path. */
    private record Child(Process process, List<String> lines) {
        static Child start(String checkpoints, Path params, long pauseAt) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp", System.getProperty("java.class.path"), ResumableRun.class.getName(),
                    checkpoints, params.toString(), String.valueOf(pauseAt)).redirectErrorStream(true);
            builder.environment().put("OMP_NUM_THREADS", "1");
            return new Child(builder.start(), new ArrayList<>());
        }

        /** Reads output until the child pauses, then kills it with SIGKILL (destroyForcibly on Linux). */
        void killWhenPaused() throws Exception {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.equals("paused")) {
                    process.destroyForcibly();
                    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "killed child exits");
                    assertEquals(137, process.exitValue(), "128 + SIGKILL");
                    return;
                }
            }
            throw new AssertionError("child ended without pausing: " + output());
        }

        int finish() throws Exception {
            lines.addAll(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), "child finishes");
            return process.exitValue();
        }

        String output() {
            return String.join("\n", lines);
        }
    }
}
