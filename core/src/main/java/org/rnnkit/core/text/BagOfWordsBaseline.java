package org.rnnkit.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnnkit.core.eval.ClassificationCollector;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SpecialTokens;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/**
 * The linear baseline a text classifier should be compared with: multinomial logistic regression on which
 * vocabulary words a text contains (bag of words, presence features, whole text). Trained on the same texts with
 * the same tokenizer and vocabulary as the classifier, it shows what the recurrent network adds beyond which words
 * occur. The objective is scikit-learn's default {@code LogisticRegression}: {@code C} times the summed
 * cross-entropy plus half the squared weights (biases unpenalised), minimised to convergence by L-BFGS, so the
 * baseline is deterministic. Immutable.
 */
public final class BagOfWordsBaseline {
    /** Inverse regularisation strength of {@link #train(TextCorpus, Tokenizer, Vocabulary)}, scikit-learn's default. */
    public static final double DEFAULT_C = 1.0;
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-6;

    private final Tokenizer tokenizer;
    private final Vocabulary vocabulary;
    private final LabelSet labels;
    /** Class-major weights {@code [k * V + token]}, then one bias per class. */
    private final double[] parameters;

    private BagOfWordsBaseline(Tokenizer tokenizer, Vocabulary vocabulary, LabelSet labels, double[] parameters) {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
        this.labels = labels;
        this.parameters = parameters;
    }

    /** Trains on {@code corpus} with {@link #DEFAULT_C}. */
    public static BagOfWordsBaseline train(TextCorpus corpus, Tokenizer tokenizer, Vocabulary vocabulary) {
        return train(corpus, tokenizer, vocabulary, DEFAULT_C);
    }

    /** Trains on {@code corpus}; {@code c} is the inverse regularisation strength (larger: weaker penalty). */
    public static BagOfWordsBaseline train(TextCorpus corpus, Tokenizer tokenizer, Vocabulary vocabulary, double c) {
        if (!(c > 0 && Double.isFinite(c))) {
            throw new IllegalArgumentException("C must be positive and finite, got " + c);
        }
        if (corpus.size() == 0) {
            throw new IllegalArgumentException("the baseline needs training texts");
        }
        int v = vocabulary.size();
        int k = corpus.classes().size();
        List<int[]> features = new ArrayList<>(corpus.size());
        int[] targets = new int[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            LabelledText t = corpus.texts().get(i);
            features.add(words(tokenizer, vocabulary, t.text()));
            targets[i] = t.label();
        }
        double[] x = SparseLogisticRegression.fit(features, targets, k, v, null, c, MAX_ITERATIONS, TOLERANCE);
        return new BagOfWordsBaseline(tokenizer, vocabulary, corpus.classes(), x);
    }

    /** The distinct vocabulary words of a text (reserved indices, the unknown one included, left out), sorted. */
    private static int[] words(Tokenizer tokenizer, Vocabulary vocabulary, String text) {
        return Arrays.stream(vocabulary.encode(tokenizer.tokenize(text)))
                .filter(i -> i >= SpecialTokens.COUNT).distinct().sorted().toArray();
    }

    /** The probability of each class (in {@link #labels()} order) for {@code text}. */
    public double[] probabilities(String text) {
        double[] p = new double[labels.size()];
        SparseLogisticRegression.probabilities(parameters, labels.size(), vocabulary.size(), null,
                words(tokenizer, vocabulary, text), p);
        return p;
    }

    /** The weight of {@code token} for class {@code label} (0 for a word outside the vocabulary). */
    public double weight(String label, String token) {
        int index = vocabulary.indexOf(token);
        int cls = labels.indexOf(label);
        if (cls < 0) {
            throw new IllegalArgumentException("unknown class \"" + label + "\", expected one of " + labels.names());
        }
        return index < SpecialTokens.COUNT ? 0 : parameters[cls * vocabulary.size() + index];
    }

    /** The classes, in output order. */
    public LabelSet labels() {
        return labels;
    }

    /** Accuracy, per-class metrics, AUC and confusion matrix on {@code corpus} (classes matched by name). */
    public EvaluationReport evaluate(TextCorpus corpus) {
        TextCorpus relabelled = corpus.relabel(labels);
        ClassificationCollector collector = new ClassificationCollector(labels.names(), false);
        for (LabelledText t : relabelled.texts()) {
            collector.add(t.label(), probabilities(t.text()));
        }
        return collector.report();
    }
}
