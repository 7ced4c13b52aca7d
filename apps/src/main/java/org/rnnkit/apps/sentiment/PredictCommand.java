package org.rnnkit.apps.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnkit.apps.UsageException;
import org.rnnkit.core.task.Classification;
import org.rnnkit.core.task.TextClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rnnkit sentiment predict}: label texts from the command line or standard input. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Print label<TAB>probability<TAB>text for each TEXT, or for each line of standard input "
                + "when no TEXT is given (blank lines there are skipped).", ""})
final class PredictCommand implements Callable<Integer> {

    private static final int CHUNK = 256;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    private Path model;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts to classify.")
    private List<String> texts = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isBlank()) {
                throw new UsageException("text " + (i + 1) + " is empty: nothing to predict");
            }
        }
        TextClassifier classifier = TextClassifier.load(model);
        if (!texts.isEmpty()) {
            for (int i = 0; i < texts.size(); i++) {
                requireReadable(classifier, texts.get(i), "text " + (i + 1));
            }
            print(classifier, texts);
            return 0;
        }
        // Standard input is read in chunks, so long streams are labelled as they arrive.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String> chunk = new ArrayList<>();
        int count = 0;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (!line.isBlank()) {
                requireReadable(classifier, line, "line " + number + " of standard input");
                chunk.add(line);
                count++;
            }
            if (chunk.size() == CHUNK) {
                print(classifier, chunk);
                chunk.clear();
            }
        }
        print(classifier, chunk);
        if (count == 0) {
            throw new UsageException("standard input has no text: nothing to predict");
        }
        return 0;
    }

    // A text the classifier cannot read (e.g. only "<br />", which has no tokens) is the user's to fix.
    private static void requireReadable(TextClassifier classifier, String text, String where) {
        try {
            classifier.input().length(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }

    private static void print(TextClassifier classifier, List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Classification> predictions = classifier.predict(batch);
        for (int i = 0; i < batch.size(); i++) {
            Classification p = predictions.get(i);
            System.out.printf(Locale.ROOT, "%s\t%.4f\t%s%n", p.label(), p.probability(), batch.get(i));
        }
        System.out.flush();
    }
}
