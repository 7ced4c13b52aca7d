package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every code block marked in {@link ReadmeExamplesTest} appears verbatim (up to indentation) in README.md. */
class ReadmeSyncTest {
    private static final Pattern BLOCK = Pattern.compile("// README: ([^\\n]+)\\n(.*?)\\n\\s*// END README", Pattern.DOTALL);

    @Test
    void readmeShowsTheTestedCode() throws IOException {
        String source = Files.readString(Path.of("src/test/java/org/rnnkit/core/ReadmeExamplesTest.java"));
        String readme = Files.readString(Path.of("../README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(source);
        while (m.find()) {
            String code = dedent(m.group(2));
            assertTrue(readme.contains(code), "README.md lacks the tested '" + m.group(1) + "' example:\n" + code);
            blocks.add(m.group(1));
        }
        assertEquals(List.of("many-to-one", "raw DL4J", "many-to-many", "training", "one-to-many", "encoder-decoder",
                "porting weights"), blocks);
    }

    /** README's downstream example is the code of {@code com.example.vowels.JapaneseVowelsExample}. */
    @Test
    void readmeShowsTheDownstreamExample() throws IOException {
        String source = Files.readString(Path.of("src/test/java/com/example/vowels/JapaneseVowelsExample.java"));
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = BLOCK.matcher(source);
        assertTrue(m.find() && m.group(1).equals("downstream"), "the example marks its README block");
        String code = dedent(m.group(2));
        assertTrue(readme.contains(code), "README.md lacks the tested downstream example:\n" + code);
        for (String line : source.lines().filter(l -> l.startsWith("import ")).toList()) {
            assertTrue(!line.contains("org.nd4j") && !line.contains("org.deeplearning4j"),
                    "the downstream example needs no ND4J or DL4J type: " + line);
        }
    }

    private static String dedent(String block) {
        List<String> lines = block.lines().collect(Collectors.toList());
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n"));
    }
}
