package org.rnnkit.core.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnkit.core.eval.ClassificationCollector;
import org.rnnkit.core.task.Classification;
import org.rnnkit.core.task.TextClassifier;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;

/**
 * A text classifier against its {@link BagOfWordsBaseline} on the same test texts: both accuracies, and McNemar's
 * test on the texts exactly one of them gets right, which says whether the difference is more than chance (with a
 * few hundred test texts, a point or two often is not).
 *
 * @param texts              test texts
 * @param baselineTrainTexts texts the baseline was trained on
 * @param modelCorrect       texts the classifier gets right
 * @param baselineCorrect    texts the baseline gets right
 * @param onlyModel          texts only the classifier gets right
 * @param onlyBaseline       texts only the baseline gets right
 */
public record BaselineComparison(int texts, int baselineTrainTexts, int modelCorrect, int baselineCorrect,
                                 int onlyModel, int onlyBaseline) {

    /** McNemar's statistic above which a difference is significant at the 5% level (chi-square, 1 d.f.). */
    public static final double CRITICAL_CHI_SQUARE = 3.841;

    /**
     * Trains the baseline on {@code training} with the classifier's tokenizer and vocabulary and compares the two
     * on {@code test} (classes matched by name).
     */
    public static BaselineComparison of(TextClassifier classifier, TextCorpus training, TextCorpus test) {
        BagOfWordsBaseline baseline = BagOfWordsBaseline.train(training.relabel(classifier.labels()),
                classifier.encoder().tokenizer(), classifier.encoder().vocabulary());
        TextCorpus relabelled = test.relabel(classifier.labels());
        List<String> texts = new ArrayList<>(relabelled.size());
        relabelled.texts().forEach(t -> texts.add(t.text()));
        List<Classification> predicted = classifier.predict(texts);
        int model = 0;
        int linear = 0;
        int onlyModel = 0;
        int onlyBaseline = 0;
        for (int i = 0; i < texts.size(); i++) {
            LabelledText t = relabelled.texts().get(i);
            boolean m = predicted.get(i).label().equals(relabelled.classes().name(t.label()));
            boolean b = ClassificationCollector.mostProbable(baseline.probabilities(t.text())) == t.label();
            model += m ? 1 : 0;
            linear += b ? 1 : 0;
            onlyModel += m && !b ? 1 : 0;
            onlyBaseline += b && !m ? 1 : 0;
        }
        return new BaselineComparison(texts.size(), training.size(), model, linear, onlyModel, onlyBaseline);
    }

    /** The classifier's accuracy. */
    public double modelAccuracy() {
        return (double) modelCorrect / texts;
    }

    /** The baseline's accuracy. */
    public double baselineAccuracy() {
        return (double) baselineCorrect / texts;
    }

    /** McNemar's chi-square with continuity correction; 0 when the two never disagree on correctness. */
    public double chiSquare() {
        int discordant = onlyModel + onlyBaseline;
        if (discordant == 0) {
            return 0;
        }
        double d = Math.max(0, Math.abs(onlyModel - onlyBaseline) - 1.0);
        return d * d / discordant;
    }

    /** Whether the accuracies differ by more than chance at the 5% level. */
    public boolean significant() {
        return chiSquare() > CRITICAL_CHI_SQUARE;
    }

    /** Two lines for a terminal: the baseline's accuracy next to the model's, and whether the gap is noise. */
    public String toText() {
        return String.format(Locale.ROOT, "bag-of-words baseline (logistic regression over the model's vocabulary, "
                        + "trained on the same %d training texts): accuracy %.4f, model %.4f (%+.4f)%n"
                        + "  only the model right on %d texts, only the baseline on %d: %s (McNemar chi2 %.2f)%n",
                baselineTrainTexts, baselineAccuracy(), modelAccuracy(), modelAccuracy() - baselineAccuracy(),
                onlyModel, onlyBaseline, significant() ? (modelCorrect > baselineCorrect ? "the model is better"
                        : "the baseline is better") : "within noise (not significant at 5%)", chiSquare());
    }

    /** JSON form: both accuracies, the counts and the test. */
    public ObjectNode toJsonNode() {
        ObjectNode node = Json.object();
        node.put("method", "bag-of-words logistic regression (presence features, C=" + BagOfWordsBaseline.DEFAULT_C
                + ")");
        node.put("trainExamples", baselineTrainTexts);
        node.put("accuracy", baselineAccuracy());
        node.put("modelAccuracy", modelAccuracy());
        node.put("onlyModelCorrect", onlyModel);
        node.put("onlyBaselineCorrect", onlyBaseline);
        node.put("mcnemarChiSquare", chiSquare());
        node.put("significant", significant());
        return node;
    }
}
