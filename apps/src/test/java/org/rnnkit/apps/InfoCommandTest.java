package org.rnnkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The launcher's path works end to end: {@code rnnkit info} reports the environment. */
class InfoCommandTest {

    @Test
    void infoReportsVersionsBackendAndThreads() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("info");
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("deeplearning4j") && text.contains("1.0.0-M2.1"), text);
        assertTrue(text.contains("nd4j backend") && text.contains("CPU"), text);
        assertTrue(text.contains("threads") && text.contains("native binary built for"), text);
    }

    @Test
    void everyCommandReportsTheVersion() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("sentiment", "train", "-V"));
        } finally {
            System.setOut(original);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("rnnkit "), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandFailsWithUsage() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("no-such-app");
        } finally {
            System.setErr(original);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, "picocli's exit code for invalid input: " + text);
        assertTrue(text.startsWith("rnnkit: ") && text.contains("'no-such-app'"), "names the unknown command: " + text);
        assertTrue(text.contains("(see 'rnnkit --help')"), "points to the usage: " + text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
    }
}
