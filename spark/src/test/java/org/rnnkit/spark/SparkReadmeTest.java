package org.rnnkit.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Spark code that README.md shows is the code these tests run: each block marked README appears verbatim. */
class SparkReadmeTest {
    private static final Pattern BLOCK = Pattern.compile("// README: ([^\\n]+)\\n(.*?)\\n\\s*// END README", Pattern.DOTALL);

    @Test
    void readmeShowsTheTestedSparkExamples() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int blocks = 0;
        try (Stream<Path> sources = Files.list(Path.of("src/test/java/org/rnnkit/spark"))) {
            for (Path source : sources.toList()) {
                Matcher m = BLOCK.matcher(Files.readString(source));
                while (m.find()) {
                    String code = m.group(2).lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
                    String shown = readme.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
                    assertTrue(shown.contains(code), "README.md lacks the tested '" + m.group(1) + "' example:\n" + code);
                    blocks++;
                }
            }
        }
        assertTrue(blocks >= 2, "the Spark tests mark their README examples");
    }
}
