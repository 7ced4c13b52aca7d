package org.rnnkit.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rnnkit.datasets.Json;

/**
 * The linear ("wide") path a {@link TextClassifier} can add to its recurrent network: a multinomial logistic
 * regression on which word n-grams (single words up to runs of {@link #order()} words) a whole text contains, and
 * the rule that combines it with the network. The combined class scores are
 * {@code a log p_network(c) + b log p_ngrams(c) + bias(c)}, normalised by softmax; {@code NgramPathTrainer} sets
 * {@code b} = 1, no biases and a small {@code a}, so the n-gram model decides and the network tips close calls (files
 * written before this rule hold weights fitted on validation texts, and predict as they did). The n-gram
 * weights hold their naive-Bayes feature scaling already (see {@code org.rnnkit.core.text.NgramPathTrainer}), so
 * reading them is a plain linear model. The path reads every token of a text, where the network keeps at most
 * the encoder's maximum length. Immutable; trained by {@code NgramPathTrainer}.
 */
public final class NgramPath {
    static final String FILE = "ngram-path.json";
    private static final int FORMAT = 1;
    /** Probabilities are clamped here before the logarithm: a float softmax can round a class to exactly 0. */
    private static final double FLOOR = 1e-7;

    private final int order;
    private final List<String> ngrams;
    private final Map<String, Integer> index;
    private final int classes;
    private final float[] weights;
    private final double[] bias;
    private final double networkWeight;
    private final double ngramWeight;
    private final double[] stackBias;

    /**
     * @param order         longest n-gram, in words (1: words only)
     * @param ngrams        the features: n-grams as their words joined by one space, in feature order
     * @param weights       class-major weights {@code [class * ngrams + feature]}
     * @param bias          one bias per class of the n-gram model
     * @param networkWeight weight {@code a} of the network's log-probabilities in the combination
     * @param ngramWeight   weight {@code b} of the n-gram model's log-probabilities
     * @param stackBias     one bias per class of the combination
     */
    public NgramPath(int order, List<String> ngrams, float[] weights, double[] bias, double networkWeight,
                     double ngramWeight, double[] stackBias) {
        if (order < 1) {
            throw new IllegalArgumentException("n-gram order must be >= 1, got " + order);
        }
        int k = bias.length;
        if (k < 2 || stackBias.length != k || weights.length != (long) k * ngrams.size()) {
            throw new IllegalArgumentException("an n-gram path needs a weight per class and n-gram and a bias per "
                    + "class for at least 2 classes: " + k + " biases, " + stackBias.length + " combination biases, "
                    + weights.length + " weights for " + ngrams.size() + " n-grams");
        }
        if (!Double.isFinite(networkWeight) || !Double.isFinite(ngramWeight)) {
            throw new IllegalArgumentException("combination weights must be finite");
        }
        this.order = order;
        this.ngrams = List.copyOf(ngrams);
        this.classes = k;
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.networkWeight = networkWeight;
        this.ngramWeight = ngramWeight;
        this.stackBias = stackBias.clone();
        this.index = new HashMap<>(ngrams.size() * 2);
        for (int i = 0; i < ngrams.size(); i++) {
            if (index.put(ngrams.get(i), i) != null) {
                throw new IllegalArgumentException("n-gram \"" + ngrams.get(i) + "\" is listed twice");
            }
        }
    }

    /** The distinct n-grams of {@code tokens}, one to {@code order} words long, words joined by one space. */
    public static Set<String> ngramsOf(List<String> tokens, int order) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder gram = new StringBuilder(tokens.get(i));
            out.add(gram.toString());
            for (int n = 2; n <= order && i + n <= tokens.size(); n++) {
                out.add(gram.append(' ').append(tokens.get(i + n - 1)).toString());
            }
        }
        return out;
    }

    /** Feature numbers of the known n-grams of {@code tokens}, sorted, each once. */
    public int[] features(List<String> tokens) {
        return ngramsOf(tokens, order).stream().map(index::get).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Class probabilities of the n-gram model alone. */
    public double[] probabilities(List<String> tokens) {
        int[] features = features(tokens);
        int f = ngrams.size();
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            double s = bias[c];
            for (int j : features) {
                s += weights[c * f + j];
            }
            z[c] = s;
        }
        return softmax(z);
    }

    /** The combined class probabilities for a text of {@code tokens} the network gave {@code network}. */
    public double[] combine(double[] network, List<String> tokens) {
        if (network.length != classes) {
            throw new IllegalArgumentException("expected " + classes + " network probabilities, got "
                    + network.length);
        }
        double[] ngram = probabilities(tokens);
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            z[c] = networkWeight * Math.log(Math.max(network[c], FLOOR)) + ngramWeight * Math.log(Math.max(ngram[c],
                    FLOOR)) + stackBias[c];
        }
        return softmax(z);
    }

    /** This path's n-gram model with the combination {@code a}, {@code b}, {@code stackBias} (see the constructor). */
    public NgramPath combinedWith(double networkWeight, double ngramWeight, double[] stackBias) {
        return new NgramPath(order, ngrams, weights, bias, networkWeight, ngramWeight, stackBias);
    }

    /** This path with a combination that ignores the network: the n-gram model alone, to see what it adds. */
    public NgramPath alone() {
        return combinedWith(0, 1, new double[classes]);
    }

    /** Softmax of {@code z}, in place and returned. */
    static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }

    /** Longest n-gram, in words. */
    public int order() {
        return order;
    }

    /** Number of n-gram features. */
    public int size() {
        return ngrams.size();
    }

    /** Weight of the network's log-probabilities in the combination. */
    public double networkWeight() {
        return networkWeight;
    }

    /** Weight of the n-gram model's log-probabilities in the combination. */
    public double ngramWeight() {
        return ngramWeight;
    }

    /** For logs: "n-grams up to 2 words (23,819), combined 0.09 x network + 0.47 x n-grams". */
    public String describe() {
        return String.format(Locale.ROOT, "n-grams up to %d words (%,d), combined %.2f x network + %.2f x "
                + "n-grams", order, ngrams.size(), networkWeight, ngramWeight);
    }

    /** JSON form: format, order, the n-grams, weights, biases and the combination. */
    String toJson() {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("order", order);
        root.put("classes", classes);
        root.put("networkWeight", networkWeight);
        root.put("ngramWeight", ngramWeight);
        ArrayNode sb = root.putArray("stackBias");
        Arrays.stream(stackBias).forEach(sb::add);
        ArrayNode b = root.putArray("bias");
        Arrays.stream(bias).forEach(b::add);
        ArrayNode g = root.putArray("ngrams");
        ngrams.forEach(g::add);
        ArrayNode w = root.putArray("weights");
        for (float x : weights) {
            w.add(x);
        }
        return Json.write(root);
    }

    /** Parses {@link #toJson()}'s form; a missing or malformed field is an {@link IllegalArgumentException}. */
    static NgramPath fromJson(String json) {
        JsonNode root = Json.read(json, FILE);
        int format = Json.field(root, "format", FILE).asInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unsupported " + FILE + " format " + format + " (this rnnkit reads "
                    + FORMAT + ")");
        }
        List<String> ngrams = new ArrayList<>();
        Json.field(root, "ngrams", FILE).forEach(n -> ngrams.add(n.asText()));
        JsonNode w = Json.field(root, "weights", FILE);
        float[] weights = new float[w.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) w.get(i).asDouble();
        }
        return new NgramPath(Json.field(root, "order", FILE).asInt(), ngrams, weights,
                doubles(Json.field(root, "bias", FILE)), Json.field(root, "networkWeight", FILE).asDouble(),
                Json.field(root, "ngramWeight", FILE).asDouble(), doubles(Json.field(root, "stackBias", FILE)));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
