package org.rnnkit.apps.sentiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.io.AtomicFiles;
import org.rnnkit.core.task.TextClassifier;
import org.rnnkit.core.text.BaselineComparison;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.text.TextSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnnkit sentiment eval}: accuracy, precision, recall, F1, AUC and confusion matrix on a test split. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a trained classifier: accuracy, precision, recall, F1, AUC and the confusion matrix.",
                "",
                "Which texts: without --data, the held-out file of the shipped corpus. With --data, the data's own "
                        + "test split (aclImdb test/) if it has one; if it is the data the model was trained on, exactly "
                        + "the part training held out of it (the split recorded in the model: --test-fraction and "
                        + "--seed of train); any other data (e.g. a separate test file) is evaluated in full. "
                        + "--all evaluates on every text of --data.",
                "Precision, recall and F1 are given per class and as macro averages over the classes.",
                "When the model's training data is known (--data is that data, or the shipped corpus), a bag-of-words "
                        + "logistic regression over the model's vocabulary is trained on the same training part and "
                        + "its accuracy printed next to the model's, with McNemar's test of the difference, so you "
                        + "see what the recurrent network adds.", ""})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    private Path model;

    @Mixin
    private DataOptions data;

    @Option(names = "--all", description = "Evaluate on all of --data, not only its test part.")
    private boolean all;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the metrics as JSON to FILE.")
    private Path report;

    @Option(names = "--no-baseline", negatable = false, description = "Skip the bag-of-words baseline.")
    private boolean noBaseline;

    @Override
    public Integer call() throws IOException {
        TextClassifier classifier = TextClassifier.load(model);
        TextSource source = data.open();
        TextSource.Part part = source.evaluationPart(classifier.testSplit().orElse(null), all);
        EvaluationReport metrics = classifier.evaluate(part.corpus());
        System.out.println("model: " + model);
        System.out.println("data:  " + part.description());
        System.out.print(metrics.toText());
        // With an n-gram path, what each part gets right alone on the same texts.
        Optional<double[]> parts = classifier.ngramPathOnly().map(ngrams -> new double[] {
            classifier.networkOnly().evaluate(part.corpus()).accuracy(), ngrams.evaluate(part.corpus()).accuracy()});
        parts.ifPresent(a -> System.out.printf(Locale.ROOT, "parts on the same texts: recurrent network alone "
                + "%.4f, n-gram path alone %.4f, combined %.4f%n", a[0], a[1], metrics.accuracy()));
        Optional<TextSource.Part> training = noBaseline || all ? Optional.empty()
                : source.trainingPartOf(classifier.testSplit().orElse(null));
        Optional<BaselineComparison> baseline = training.map(t -> BaselineComparison.of(classifier, t.corpus(),
                part.corpus()));
        baseline.ifPresent(b -> System.out.print(b.toText()));
        if (report != null) {
            ObjectNode json = Json.object();
            json.put("model", model.toString());
            json.put("data", part.description());
            json.setAll(metrics.toJsonNode());
            parts.ifPresent(a -> json.put("networkAloneAccuracy", a[0]).put("ngramPathAloneAccuracy", a[1]));
            baseline.ifPresent(b -> json.set("baseline", b.toJsonNode()));
            AtomicFiles.writeString(report, Json.pretty(json) + "\n");
            System.out.println("wrote " + report);
        }
        return 0;
    }
}
