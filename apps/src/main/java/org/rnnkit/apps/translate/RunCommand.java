package org.rnnkit.apps.translate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rnnkit.apps.UsageException;
import org.rnnkit.core.task.Translator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rnnkit translate run}: translate sentences from the command line or standard input. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Print one translation per line, in input order: of each TEXT, or of each line of standard "
                + "input when no TEXT is given (a blank line gives a blank line). Lines are translated as they "
                + "arrive; lines already waiting are decoded together.", ""})
final class RunCommand implements Callable<Integer> {

    private static final int CHUNK = 64;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    private Path model;

    @Mixin
    private BeamOptions decoding;

    @Option(names = "--allow-unknown", description = "Let translations contain <unk> (by default the decoder "
            + "never writes it). Unknown source words are always named on standard error.")
    private boolean allowUnknown;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Sentences to translate.")
    private List<String> texts = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        decoding.check();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isBlank()) {
                throw new UsageException("text " + (i + 1) + " is empty: nothing to translate");
            }
        }
        Translator translator = Translator.load(model);
        if (!texts.isEmpty()) {
            for (int i = 0; i < texts.size(); i++) {
                requireReadable(translator, texts.get(i), "text " + (i + 1));
            }
            print(translator, texts);
            return 0;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String> chunk = new ArrayList<>();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (!line.isBlank()) {
                requireReadable(translator, line, "line " + number + " of standard input");
            }
            chunk.add(line);
            // Streams: translate what has arrived once no more is waiting (or the chunk is full).
            if (chunk.size() == CHUNK || !in.ready()) {
                print(translator, chunk);
                chunk.clear();
            }
        }
        print(translator, chunk);
        return 0;
    }

    private static void requireReadable(Translator translator, String text, String where) {
        try {
            translator.encodeSource(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
        List<String> unknown = translator.unknownWords(text);
        if (!unknown.isEmpty()) {
            System.err.println("rnnkit translate: " + where + ": unknown words read as <unk>: "
                    + String.join(", ", unknown));
        }
    }

    private void print(Translator translator, List<String> lines) {
        List<String> real = lines.stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return;
        }
        List<String> translated = real.isEmpty() ? List.of()
                : translator.translate(real, decoding.beam(), decoding.alpha(), allowUnknown);
        int next = 0;
        for (String line : lines) {
            System.out.println(line.isBlank() ? "" : translated.get(next++));
        }
        System.out.flush();
    }
}
