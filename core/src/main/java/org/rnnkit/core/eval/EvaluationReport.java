package org.rnnkit.core.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.rnnkit.datasets.Json;

/**
 * The one result of evaluating a model, whatever its task: classification of whole sequences, classification of
 * every real step (tagging), regression, or next-token prediction (language model). Each task has its own
 * metrics; asking a report for a metric its task does not have is an {@link IllegalStateException} naming the
 * task. Classification metrics are exact, from the confusion matrix and the predicted probabilities; precision,
 * recall and F1 are given per class and as macro averages over every class that has examples or predictions, so
 * a class that is never predicted counts with F1 0. Immutable; built by {@link ClassificationCollector},
 * {@link RegressionCollector} and {@link LanguageModelCollector}.
 */
public final class EvaluationReport {

    /** What was evaluated. */
    public enum Task {
        /** One class per sequence. */
        CLASSIFICATION,
        /** One class per real step; the counts are steps. */
        TAGGING,
        /** Real-valued targets, per sequence or per real step. */
        REGRESSION,
        /** The next token at every real step. */
        LANGUAGE_MODEL
    }

    private final Task task;
    private final long examples;
    private final long units;
    private final List<String> labels;
    private final long[][] confusion;
    private final double auc;
    private final double[] regression;
    private final double crossEntropy;

    private EvaluationReport(Task task, long examples, long units, List<String> labels, long[][] confusion,
                             double auc, double[] regression, double crossEntropy) {
        if (units == 0) {
            throw new IllegalStateException("nothing was evaluated: no examples (or no real steps)");
        }
        this.task = task;
        this.examples = examples;
        this.units = units;
        this.labels = labels;
        this.confusion = confusion;
        this.auc = auc;
        this.regression = regression;
        this.crossEntropy = crossEntropy;
    }

    static EvaluationReport classes(boolean perStep, long examples, List<String> labels, long[][] confusion,
                                    double auc) {
        long units = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                units += c;
            }
        }
        return new EvaluationReport(perStep ? Task.TAGGING : Task.CLASSIFICATION, examples, units,
                List.copyOf(labels), confusion, auc, null, Double.NaN);
    }

    static EvaluationReport values(long examples, long values, double mse, double mae, double baselineMse) {
        return new EvaluationReport(Task.REGRESSION, examples, values, null, null, Double.NaN,
                new double[] {mse, mae, baselineMse}, Double.NaN);
    }

    static EvaluationReport tokens(long examples, long tokens, double crossEntropy) {
        return new EvaluationReport(Task.LANGUAGE_MODEL, examples, tokens, null, null, Double.NaN, null, crossEntropy);
    }

    /** What was evaluated. */
    public Task task() {
        return task;
    }

    /** Sequences evaluated. */
    public long examples() {
        return examples;
    }

    /** What the metrics count: sequences, real steps (tagging), target values (regression) or tokens. */
    public long units() {
        return units;
    }

    private boolean isClassification() {
        return task == Task.CLASSIFICATION || task == Task.TAGGING;
    }

    private void require(boolean applies, String metric) {
        if (!applies) {
            throw new IllegalStateException(metric + " is not a metric of a " + task.name().toLowerCase(Locale.ROOT)
                    + " report");
        }
    }

    /** Class names in index order. */
    public List<String> labels() {
        require(isClassification(), "labels");
        return labels;
    }

    /** Fraction of sequences (tagging: real steps) whose most probable class is the actual one. */
    public double accuracy() {
        require(isClassification(), "accuracy");
        long right = 0;
        for (int c = 0; c < confusion.length; c++) {
            right += confusion[c][c];
        }
        return (double) right / units;
    }

    /** How many of class {@code actual} were predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        require(isClassification(), "the confusion matrix");
        return confusion[actual][predicted];
    }

    /** A copy of the confusion matrix, {@code [actual][predicted]}. */
    public long[][] confusion() {
        require(isClassification(), "the confusion matrix");
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** Examples whose actual class is {@code c}. */
    public long support(int c) {
        require(isClassification(), "support");
        long sum = 0;
        for (long v : confusion[c]) {
            sum += v;
        }
        return sum;
    }

    private long predictedAs(int c) {
        long sum = 0;
        for (long[] row : confusion) {
            sum += row[c];
        }
        return sum;
    }

    /** Of those predicted as {@code c}, the fraction that are {@code c}; 0 when {@code c} is never predicted. */
    public double precision(int c) {
        require(isClassification(), "precision");
        long predicted = predictedAs(c);
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    /** Of the examples of class {@code c}, the fraction predicted as {@code c}; 0 when it has no examples. */
    public double recall(int c) {
        require(isClassification(), "recall");
        long actual = support(c);
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    /** Harmonic mean of precision and recall of class {@code c}; 0 when both are 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private boolean counted(int c) {
        return support(c) > 0 || predictedAs(c) > 0;
    }

    private double macro(java.util.function.IntToDoubleFunction metric) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < confusion.length; c++) {
            if (counted(c)) {
                sum += metric.applyAsDouble(c);
                n++;
            }
        }
        return sum / n;
    }

    /** Mean precision over every class with examples or predictions. */
    public double macroPrecision() {
        return macro(this::precision);
    }

    /** Mean recall over every class with examples or predictions. */
    public double macroRecall() {
        return macro(this::recall);
    }

    /** Mean F1 over every class with examples or predictions (never-predicted classes count as 0). */
    public double macroF1() {
        return macro(this::f1);
    }

    /**
     * Area under the ROC curve: of the second class against the first for two classes, otherwise the mean of
     * each class against the rest over the classes with examples. NaN when only one class has examples.
     */
    public double auc() {
        require(isClassification(), "AUC");
        return auc;
    }

    /** Mean squared error over every target value. */
    public double mse() {
        require(task == Task.REGRESSION, "MSE");
        return regression[0];
    }

    /** Mean absolute error over every target value. */
    public double mae() {
        require(task == Task.REGRESSION, "MAE");
        return regression[1];
    }

    /** The MSE of always predicting each target's mean over the evaluated data: what a model has to beat. */
    public double baselineMse() {
        require(task == Task.REGRESSION, "baseline MSE");
        return regression[2];
    }

    /** Mean negative log-likelihood of the actual next token, in nats. */
    public double crossEntropy() {
        require(task == Task.LANGUAGE_MODEL, "cross-entropy");
        return crossEntropy;
    }

    /** {@code exp(crossEntropy)}: the number of equally likely tokens the model is as unsure as. */
    public double perplexity() {
        return Math.exp(crossEntropy());
    }

    /** Cross-entropy in bits per token. */
    public double bitsPerToken() {
        return crossEntropy() / Math.log(2);
    }

    /** Every metric of the task as one JSON object; undefined metrics are null. */
    public ObjectNode toJsonNode() {
        ObjectNode node = Json.object();
        node.put("task", task.name().toLowerCase(Locale.ROOT));
        node.put("examples", examples);
        switch (task) {
            case CLASSIFICATION, TAGGING -> classificationJson(node);
            case REGRESSION -> {
                node.put("values", units);
                number(node, "mse", mse());
                number(node, "mae", mae());
                number(node, "baselineMse", baselineMse());
            }
            case LANGUAGE_MODEL -> {
                node.put("tokens", units);
                number(node, "crossEntropy", crossEntropy());
                number(node, "perplexity", perplexity());
                number(node, "bitsPerToken", bitsPerToken());
            }
        }
        return node;
    }

    private void classificationJson(ObjectNode node) {
        if (task == Task.TAGGING) {
            node.put("steps", units);
        }
        number(node, "accuracy", accuracy());
        ObjectNode macro = node.putObject("macro");
        number(macro, "precision", macroPrecision());
        number(macro, "recall", macroRecall());
        number(macro, "f1", macroF1());
        number(node, "auc", auc);
        ArrayNode classes = node.putArray("classes");
        for (int c = 0; c < labels.size(); c++) {
            ObjectNode k = classes.addObject().put("label", labels.get(c)).put("support", support(c))
                    .put("predicted", predictedAs(c));
            number(k, "precision", precision(c));
            number(k, "recall", recall(c));
            number(k, "f1", f1(c));
        }
        ObjectNode matrix = node.putObject("confusion");
        matrix.put("rows", "actual");
        matrix.put("columns", "predicted");
        ArrayNode rows = matrix.putArray("counts");
        for (long[] row : confusion) {
            ArrayNode r = rows.addArray();
            for (long c : row) {
                r.add(c);
            }
        }
    }

    /** {@link #toJsonNode()} indented. */
    public String toJson() {
        return Json.pretty(toJsonNode());
    }

    /** A few readable lines: the metrics, per-class rows and the confusion matrix for classification. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        switch (task) {
            case REGRESSION -> sb.append(String.format(Locale.ROOT, "examples   %d%nvalues     %d%nmse        %.6f%n"
                    + "mae        %.6f%nbaseline   %.6f (mse of predicting the mean)%n", examples, units, mse(), mae(),
                    baselineMse()));
            case LANGUAGE_MODEL -> sb.append(String.format(Locale.ROOT, "examples   %d%ntokens     %d%n"
                    + "perplexity %.4f%nbits/token %.4f%n", examples, units, perplexity(), bitsPerToken()));
            default -> classificationText(sb);
        }
        return sb.toString();
    }

    private void classificationText(StringBuilder sb) {
        sb.append(String.format(Locale.ROOT, "examples   %d%n", examples));
        if (task == Task.TAGGING) {
            sb.append(String.format(Locale.ROOT, "steps      %d (real steps only)%n", units));
        }
        sb.append(String.format(Locale.ROOT, "accuracy   %.4f%nauc        %.4f%n", accuracy(), auc));
        int width = Math.max(10, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
        String row = "%-" + width + "s%10s%10s%10s%10s%n";
        sb.append(String.format(Locale.ROOT, row, "class", "precision", "recall", "f1", "support"));
        for (int c = 0; c < labels.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s%10.4f%10.4f%10.4f%10d%n", labels.get(c),
                    precision(c), recall(c), f1(c), support(c)));
        }
        sb.append(String.format(Locale.ROOT, "%-" + width + "s%10.4f%10.4f%10.4f%10d%n", "macro", macroPrecision(),
                macroRecall(), macroF1(), units));
        int first = Math.max(width, 18);
        sb.append(String.format(Locale.ROOT, "%-" + first + "s", "actual \\ predicted"));
        labels.forEach(l -> sb.append(String.format(Locale.ROOT, "%" + width + "s", l)));
        sb.append('\n');
        for (int a = 0; a < labels.size(); a++) {
            sb.append(String.format(Locale.ROOT, "%-" + first + "s", labels.get(a)));
            for (long c : confusion[a]) {
                sb.append(String.format(Locale.ROOT, "%" + width + "d", c));
            }
            sb.append('\n');
        }
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name); // JSON has no NaN: an undefined metric (e.g. AUC on one class) is null
        }
    }

    @Override
    public String toString() {
        return "EvaluationReport" + toJsonNode();
    }
}
