package org.rnnkit.core.text;

import org.rnnkit.datasets.text.Vocabulary;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.TextDataSetIterator;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TestSplit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.ClassificationReport;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceBatcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trained text classifier ready to use: the many-to-one {@link SequenceModel}, the {@link TextEncoder} that
 * turns text into its input (tokenizer, vocabulary, maximum length, truncation), the class names, and the
 * {@link TestSplit} its training data lost to testing, if any. Saved as one {@link ModelBundle} file with the
 * encoder and labels as attachments, so a loaded classifier reads text exactly as in training.
 */
public final class TextClassifier {

    private static final String VOCABULARY = "vocabulary.json";
    private static final String LABELS = "labels.json";
    private static final String SETTINGS = "text-classifier.json";
    private static final int FORMAT = 1;
    private static final int BATCH = 64;

    private final SequenceModel model;
    private final TextEncoder encoder;
    private final LabelSet labels;
    private final TestSplit testSplit;

    /** @param testSplit how the training data's test part was held out, or null when the data had its own */
    public TextClassifier(SequenceModel model, TextEncoder encoder, LabelSet labels, TestSplit testSplit) {
        this.model = model;
        this.encoder = encoder;
        this.labels = labels;
        this.testSplit = testSplit;
    }

    /** The network and its declaration. */
    public SequenceModel model() {
        return model;
    }

    /** How text becomes model input. */
    public TextEncoder encoder() {
        return encoder;
    }

    /** The class names, in output order. */
    public LabelSet labels() {
        return labels;
    }

    /** The split that held the test part out of the training data, when the data had no test split of its own. */
    public Optional<TestSplit> testSplit() {
        return Optional.ofNullable(testSplit);
    }

    /** The most probable class of a text, its probability, and every class's probability. */
    public record Prediction(String label, double probability, double[] probabilities) {
    }

    /** The most probable class of each text, computed in batches; texts without tokens are rejected. */
    public List<Prediction> classify(List<String> texts) {
        List<Prediction> out = new ArrayList<>(texts.size());
        for (double[] p : predict(texts)) {
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                best = p[c] > p[best] ? c : best;
            }
            out.add(new Prediction(labels.name(best), p[best], p));
        }
        return out;
    }

    /** Class probabilities of one text; a text without tokens is an {@link IllegalArgumentException}. */
    public double[] predict(String text) {
        return predict(List.of(text)).get(0);
    }

    /** Class probabilities of each text, computed in batches. */
    public List<double[]> predict(List<String> texts) {
        List<double[]> out = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += BATCH) {
            List<String> batch = texts.subList(start, Math.min(texts.size(), start + BATCH));
            SequenceBatcher.Padded features = encoder.features(batch);
            INDArray probabilities = model.output(features.values(), features.mask());
            for (int i = 0; i < batch.size(); i++) {
                out.add(probabilities.getRow(i).toDoubleVector());
            }
        }
        return out;
    }

    /**
     * Accuracy, precision, recall, F1, AUC and confusion matrix on a labelled corpus. Its class names are mapped to
     * this classifier's; a class this classifier does not know is a {@link DataFormatException}.
     */
    public ClassificationReport evaluate(TextCorpus corpus) {
        TextCorpus relabelled = corpus.relabel(labels);
        TextDataSetIterator batches = new TextDataSetIterator(relabelled, encoder, BatchPlan.bucketed(BATCH, 0));
        ClassificationReport.Collector collector = ClassificationReport.collector(labels.names());
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            collector.add(batch.getLabels(), model.output(batch.getFeatures(), batch.getFeaturesMaskArray()));
        }
        return collector.report();
    }

    /** Writes the classifier to one file, atomically. */
    public void save(Path file) throws IOException {
        ObjectNode settings = Json.object();
        settings.put("format", FORMAT);
        settings.put("lowerCase", encoder.tokenizer().lowerCases());
        settings.put("maxLength", encoder.maxLength());
        settings.put("truncation", encoder.truncation().name());
        if (testSplit != null) {
            settings.set("testSplit", testSplit.toJsonNode());
        }
        ModelBundle.of(model)
                .withText(VOCABULARY, encoder.vocabulary().toJson())
                .withText(LABELS, labels.toJson())
                .withText(SETTINGS, Json.write(settings))
                .save(file);
    }

    /** Reads a classifier saved by {@link #save}; a {@link ModelFileException} names the file and the problem. */
    public static TextClassifier load(Path file) throws IOException {
        ModelBundle bundle = ModelBundle.load(file);
        if (!(bundle.model() instanceof SequenceModel model)) {
            throw new ModelFileException(file, "an rnnkit model, but an encoder-decoder, not a text classifier");
        }
        String missing = List.of(VOCABULARY, LABELS, SETTINGS).stream()
                .filter(n -> !bundle.attachmentNames().contains(n)).findFirst().orElse(null);
        if (missing != null) {
            throw new ModelFileException(file, "an rnnkit model, but not a text classifier (no " + missing + " inside)");
        }
        try {
            Vocabulary vocabulary = Vocabulary.fromJson(bundle.text(VOCABULARY).orElseThrow());
            LabelSet labels = LabelSet.fromJson(bundle.text(LABELS).orElseThrow());
            JsonNode settings = Json.read(bundle.text(SETTINGS).orElseThrow(), SETTINGS);
            int format = settings.path("format").asInt(-1);
            if (format != FORMAT) {
                throw new ModelFileException(file, "unsupported text-classifier format " + format
                        + " (this rnnkit reads " + FORMAT + ")");
            }
            Tokenizer tokenizer = Json.field(settings, "lowerCase", SETTINGS).asBoolean()
                    ? Tokenizer.lowerCasing() : Tokenizer.casePreserving();
            TextEncoder encoder = new TextEncoder(tokenizer, vocabulary,
                    Json.field(settings, "maxLength", SETTINGS).asInt(),
                    TextEncoder.Truncation.valueOf(Json.field(settings, "truncation", SETTINGS).asText()));
            TestSplit split = settings.has("testSplit") ? TestSplit.fromJson(settings.get("testSplit")) : null;
            long outputs = model.network().getLayer(model.network().getnLayers() - 1).getParam("b").length();
            if (outputs != labels.size()) {
                throw new ModelFileException(file, "model has " + outputs + " outputs but " + labels.size() + " labels");
            }
            return new TextClassifier(model, encoder, labels, split);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new ModelFileException(file, "corrupt text-classifier data: " + e.getMessage(), e);
        }
    }
}
