package org.rnnkit.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.classification.ROCMultiClass;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Metrics of a classifier on labelled examples, computed with DL4J's {@link Evaluation} (counts, confusion matrix)
 * and {@link ROC} / {@link ROCMultiClass} (exact AUC). With two classes, precision, recall and F1 are those of the
 * positive class, the second one (index 1: {@code pos}, {@code 1}); with more they are macro averages over the
 * classes. AUC is NaN when it is undefined (the examples hold one class only). Immutable; build with
 * {@link #collector(List)}.
 *
 * @param labels        class names in index order
 * @param examples      number of examples evaluated
 * @param accuracy      fraction predicted correctly
 * @param precision     positive-class (binary) or macro-averaged precision
 * @param recall        positive-class (binary) or macro-averaged recall
 * @param f1            positive-class (binary) or macro-averaged F1
 * @param auc           area under the ROC curve (binary) or its average over classes, one against the rest
 * @param confusion     counts: {@code confusion[actual][predicted]}
 */
public record ClassificationReport(List<String> labels, long examples, double accuracy, double precision,
                                   double recall, double f1, double auc, long[][] confusion) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the inputs. */
    public ClassificationReport {
        labels = List.copyOf(labels);
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /** A collector for {@code labels.size()} classes; feed it batches, then call {@link Collector#report()}. */
    public static Collector collector(List<String> labels) {
        return new Collector(labels);
    }

    /** Whether precision, recall and F1 are those of one positive class (exactly two classes). */
    public boolean binary() {
        return labels.size() == 2;
    }

    /** The count of examples of class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return confusion[actual][predicted];
    }

    /** JSON object with every metric, the averaging used and the confusion matrix by class name. */
    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("examples", examples);
        number(node, "accuracy", accuracy);
        number(node, "precision", precision);
        number(node, "recall", recall);
        number(node, "f1", f1);
        number(node, "auc", auc);
        node.put("averaging", binary() ? "positive class \"" + labels.get(1) + "\"" : "macro");
        ArrayNode names = node.putArray("labels");
        labels.forEach(names::add);
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
        return node;
    }

    /** {@link #toJsonNode()} pretty-printed. */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJsonNode());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few readable lines: the metrics, then the confusion matrix with class names. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "examples   %d%naccuracy   %.4f%nprecision  %.4f%nrecall     %.4f%n"
                + "f1         %.4f%nauc        %.4f%n", examples, accuracy, precision, recall, f1, auc));
        sb.append(binary() ? "(precision, recall and f1 of the positive class \"" + labels.get(1) + "\")\n"
                : "(precision, recall and f1 are macro averages)\n");
        int width = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
        int first = Math.max(width, 18);
        sb.append(String.format(Locale.ROOT, "%-" + first + "s", "actual \\ predicted"));
        labels.forEach(l -> sb.append(String.format(Locale.ROOT, "%" + width + "s", l)));
        sb.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-" + first + "s", labels.get(i)));
            for (long c : confusion[i]) {
                sb.append(String.format(Locale.ROOT, "%" + width + "d", c));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name); // JSON has no NaN: an undefined metric (e.g. AUC on one class) is null
        }
    }

    /** Accumulates batches of one-hot labels and predicted probabilities. Not thread-safe. */
    public static final class Collector {
        private final List<String> labels;
        private final Evaluation evaluation;
        private final ROC roc;
        private final ROCMultiClass rocMulti;
        private final boolean[] seen;

        private Collector(List<String> labels) {
            if (labels.size() < 2) {
                throw new IllegalArgumentException("classification needs at least two classes, got " + labels);
            }
            this.labels = List.copyOf(labels);
            this.evaluation = new Evaluation(this.labels);
            // 0 threshold steps: exact AUC, not a histogram approximation
            this.roc = labels.size() == 2 ? new ROC(0) : null;
            this.rocMulti = labels.size() == 2 ? null : new ROCMultiClass(0);
            this.seen = new boolean[labels.size()];
        }

        /** Adds a batch: {@code labels} one-hot {@code [n, C]}, {@code probabilities} {@code [n, C]}. */
        public Collector add(INDArray oneHot, INDArray probabilities) {
            if (oneHot.rank() != 2 || oneHot.size(1) != labels.size() || !oneHot.equalShapes(probabilities)) {
                throw new IllegalArgumentException("expected labels and probabilities of shape [n, " + labels.size()
                        + "], got " + java.util.Arrays.toString(oneHot.shape()) + " and "
                        + java.util.Arrays.toString(probabilities.shape()));
            }
            evaluation.eval(oneHot, probabilities);
            if (roc != null) {
                roc.eval(oneHot, probabilities);
            } else {
                rocMulti.eval(oneHot, probabilities);
            }
            INDArray present = oneHot.sum(0);
            for (int c = 0; c < seen.length; c++) {
                seen[c] |= present.getDouble(c) > 0;
            }
            return this;
        }

        /** The metrics of everything added so far; fails when nothing was added. */
        public ClassificationReport report() {
            long n = evaluation.getNumRowCounter();
            if (n == 0) {
                throw new IllegalStateException("no examples were evaluated");
            }
            int k = labels.size();
            long[][] confusion = new long[k][k];
            for (int a = 0; a < k; a++) {
                for (int p = 0; p < k; p++) {
                    confusion[a][p] = evaluation.getConfusionMatrix().getCount(a, p);
                }
            }
            double precision;
            double recall;
            double f1;
            if (k == 2) {
                precision = ratio(confusion[1][1], confusion[0][1] + confusion[1][1]);
                recall = ratio(confusion[1][1], confusion[1][0] + confusion[1][1]);
                f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            } else {
                precision = evaluation.precision(org.nd4j.evaluation.EvaluationAveraging.Macro);
                recall = evaluation.recall(org.nd4j.evaluation.EvaluationAveraging.Macro);
                f1 = evaluation.f1(org.nd4j.evaluation.EvaluationAveraging.Macro);
            }
            return new ClassificationReport(labels, n, evaluation.accuracy(), precision, recall, f1, auc(), confusion);
        }

        private double auc() {
            for (boolean s : seen) {
                if (!s) {
                    return Double.NaN; // one-against-rest needs examples of every class
                }
            }
            return roc != null ? roc.calculateAUC() : rocMulti.calculateAverageAUC();
        }

        // Precision with no positive predictions (or recall with no positives) is 0, as scikit-learn reports it.
        private static double ratio(long part, long whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }
    }
}
