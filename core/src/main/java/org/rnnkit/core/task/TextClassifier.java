package org.rnnkit.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TestSplit;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextEncoder;

/**
 * Classifies texts (e.g. sentiment): a text in, a {@link Classification} out. The file keeps the tokenizer,
 * vocabulary and length limit, so a loaded classifier reads text exactly as in training, and, when training held
 * part of its data out for testing, how ({@link TestSplit}), so that exactly that part can be evaluated later.
 * With an {@link NgramPath}, its predictions combine the network's with a linear model of the text's word n-grams
 * ({@link #networkOnly()} gives the network's alone).
 */
public final class TextClassifier extends Pipeline<String, String, Classification> {
    private static final String KIND = "text-classifier";
    private static final String TEST_SPLIT = "test-split.json";
    /** The settings attachment of files written before pipelines (format 1 of the old datasets.text class). */
    private static final String FORMAT1_SETTINGS = "text-classifier.json";

    private final LabelSet labels;
    private final TestSplit testSplit;
    private final NgramPath ngramPath;

    private TextClassifier(SequenceModel model, TextInput input, LabelSet labels, TestSplit testSplit,
                           NgramPath ngramPath) {
        super(KIND, model, input, new ClassHead(labels, model.spec(), Shape.VECTOR));
        this.labels = labels;
        this.testSplit = testSplit;
        this.ngramPath = ngramPath;
    }

    /** A classifier of {@code model} (token input, softmax over {@code labels}) reading text with {@code encoder}. */
    public static TextClassifier of(SequenceModel model, TextEncoder encoder, LabelSet labels) {
        return new TextClassifier(model, new TextInput(encoder), labels, null, null);
    }

    /** A copy that records how its training data's test part was held out (null: the data had its own). */
    public TextClassifier withTestSplit(TestSplit split) {
        return new TextClassifier(model(), input(), labels(), split, ngramPath);
    }

    /**
     * A copy whose predictions combine the network's with {@code path}'s (its classes in this classifier's order);
     * null for the network alone.
     */
    public TextClassifier withNgramPath(NgramPath path) {
        return new TextClassifier(model(), input(), labels(), testSplit, path);
    }

    /** The n-gram path combined with the network, if there is one. */
    public Optional<NgramPath> ngramPath() {
        return Optional.ofNullable(ngramPath);
    }

    /** Its n-gram path alone (the network's output left out), when it has one: what that part gets right by itself. */
    public Optional<TextClassifier> ngramPathOnly() {
        return ngramPath().map(p -> withNgramPath(p.alone()));
    }

    /** This classifier without its n-gram path: the recurrent network alone (itself when it has none). */
    public TextClassifier networkOnly() {
        return ngramPath == null ? this : withNgramPath(null);
    }

    /**
     * Reads a file written by {@link #save}, or by {@code rnnkit sentiment train} before the pipelines (the
     * {@code org.rnnkit.datasets.text.TextClassifier} files, which predict exactly as they did).
     */
    public static TextClassifier load(Path file) throws IOException {
        PipelineFile f = PipelineFile.open(file, KIND, TextClassifier::upgradeFormat1);
        TextInput input = TextInput.read(f);
        LabelSet labels = ClassHead.read(f);
        TestSplit split = f.readOptional(TEST_SPLIT, json -> TestSplit.fromJson(Json.read(json, TEST_SPLIT)))
                .orElse(null);
        NgramPath ngrams = f.readOptional(NgramPath.FILE, NgramPath::fromJson).orElse(null);
        return f.build("pipeline", () -> new TextClassifier(f.model(), input, labels, split, ngrams));
    }

    /*
     * Before pipelines, the classifier's file held vocabulary.json and labels.json as today's do, and put the
     * tokenizer settings and the test split together in text-classifier.json ({"format":1, "lowerCase",
     * "maxLength", "truncation", optional "testSplit"}). Those map one to one onto today's text-encoder.json
     * (same keys) and test-split.json, so the old file is rewritten into today's layout and read as usual.
     */
    private static Optional<ModelBundle> upgradeFormat1(Path file, ModelBundle old) throws ModelFileException {
        Optional<String> text = old.text(FORMAT1_SETTINGS);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode settings = PipelineFile.parse(file, FORMAT1_SETTINGS, text.get());
        int format = settings.path("format").asInt(-1);
        if (format != 1) {
            throw new ModelFileException(file, "unsupported text-classifier format " + format
                    + " (this rnnkit reads 1, or today's pipeline files)");
        }
        ObjectNode encoder = Json.object();
        for (String key : List.of("lowerCase", "maxLength", "truncation")) {
            if (settings.has(key)) { // a missing key is reported by TextInput.read, naming the attachment
                encoder.set(key, settings.get(key));
            }
        }
        ModelBundle upgraded = old.withText(TextInput.ENCODER, Json.write(encoder));
        if (settings.has("testSplit")) {
            upgraded = upgraded.withText(TEST_SPLIT, Json.write(settings.get("testSplit")));
        }
        return Optional.of(PipelineFile.manifest(upgraded, KIND));
    }

    @Override
    public TextInput input() {
        return (TextInput) super.input();
    }

    /** How text becomes model input. */
    public TextEncoder encoder() {
        return input().encoder();
    }

    /** The class names, in output order. */
    public LabelSet labels() {
        return labels;
    }

    /** How the training data's test part was held out, when the data had no test split of its own. */
    public Optional<TestSplit> testSplit() {
        return Optional.ofNullable(testSplit);
    }

    /**
     * Metrics on a labelled corpus; its class names are matched to this classifier's by name; a class this classifier
     * does not know, or a text without tokens, is a {@link DataFormatException} naming the text.
     */
    public EvaluationReport evaluate(TextCorpus corpus) {
        List<String> texts = new ArrayList<>(corpus.size());
        List<String> targets = new ArrayList<>(corpus.size());
        for (LabelledText t : corpus.texts()) {
            String name = corpus.classes().name(t.label());
            if (labels().indexOf(name) < 0) {
                throw DataFormatException.at(t.source(), "label", "one of the classifier's classes "
                        + labels().names() + ", found \"" + name + "\"");
            }
            if (encoder().encode(t.text()).length == 0) {
                throw DataFormatException.at(t.source(), "text", "at least one token");
            }
            texts.add(t.text());
            targets.add(name);
        }
        return evaluate(texts, targets);
    }

    @Override
    BatchOutput adjust(List<String> texts, BatchOutput network) {
        if (ngramPath == null) {
            return network;
        }
        double[][] rows = new double[texts.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ngramPath.combine(network.row(i), encoder().tokenizer().tokenize(texts.get(i)));
        }
        return BatchOutput.ofRows(rows);
    }

    @Override
    ModelBundle attachExtras(ModelBundle bundle) {
        ModelBundle out = testSplit == null ? bundle
                : bundle.withText(TEST_SPLIT, Json.write(testSplit.toJsonNode()));
        return ngramPath == null ? out : out.withText(NgramPath.FILE, ngramPath.toJson());
    }
}
