package org.rnnkit.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(Main.run("no-such-app") != 0);
    }
}
