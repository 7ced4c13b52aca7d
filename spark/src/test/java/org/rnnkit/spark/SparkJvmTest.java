package org.rnnkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packages opened for Spark are listed three times (the code, this module's pom, the launcher): all agree. */
class SparkJvmTest {
    private static final Pattern OPENS = Pattern.compile("--add-opens=java\\.base/([a-z.]+)=ALL-UNNAMED");

    private static List<String> opened(Path file) throws IOException {
        Matcher m = OPENS.matcher(Files.readString(file));
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void pomAndLauncherOpenWhatSparkJvmLists() throws IOException {
        // Tests run in the module's folder: the pom is here, the launcher one level up.
        assertEquals(SparkJvm.OPENS, opened(Path.of("pom.xml")));
        assertEquals(SparkJvm.OPENS, opened(Path.of("..", "rnnkit")));
        assertEquals(SparkJvm.OPENS, opened(Path.of("..", "rnnkit")).stream().distinct().toList());
    }
}
