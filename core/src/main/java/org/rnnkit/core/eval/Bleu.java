package org.rnnkit.core.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Corpus BLEU-4 computed as sacreBLEU computes it by default ({@code sacrebleu.corpus_bleu}, version 2): each
 * sentence tokenised by the "13a" tokenizer (mteval-v13a), case-sensitive; n-gram counts clipped by their largest
 * count in any one reference and summed over the corpus; brevity penalty against, per sentence, the reference length
 * closest to the hypothesis length (the shorter on a tie); "exp" smoothing of orders without a match; a score in
 * 0–100. A sentence may have any number of references (at least one).
 */
public final class Bleu {
    /** The n-gram orders. */
    public static final int ORDER = 4;

    private static final Pattern PUNCTUATION = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
    private static final Pattern PERIOD_COMMA_AFTER = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_COMMA_BEFORE = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

    private Bleu() {
    }

    /**
     * A corpus score with its parts, as sacreBLEU reports them.
     *
     * @param score            BLEU, 0–100
     * @param precisions       n-gram precisions in percent, orders 1–4 (smoothed where there was no match)
     * @param brevityPenalty   {@code exp(1 - r/c)} when the hypotheses are shorter than the references, else 1
     * @param hypothesisLength tokens in all hypotheses
     * @param referenceLength  tokens in the closest reference of each sentence, summed
     */
    public record Score(double score, double[] precisions, double brevityPenalty, long hypothesisLength,
                        long referenceLength) {
        public Score {
            precisions = precisions.clone();
        }

        @Override
        public double[] precisions() {
            return precisions.clone();
        }

        /** sacreBLEU's one-line form, e.g. {@code BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ...)}. */
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "BLEU = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f "
                            + "hyp_len = %d ref_len = %d)", score, precisions[0], precisions[1], precisions[2],
                    precisions[3], brevityPenalty, referenceLength == 0 ? 0.0 : (double) hypothesisLength
                            / referenceLength, hypothesisLength, referenceLength);
        }
    }

    /**
     * Corpus BLEU of {@code hypotheses} against {@code references}: {@code references.get(i)} holds the reference
     * translations of hypothesis {@code i} (at least one each).
     */
    public static Score corpus(List<String> hypotheses, List<? extends List<String>> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException("BLEU needs the references of each hypothesis: " + hypotheses.size()
                    + " hypotheses, " + references.size() + " reference lists");
        }
        long[] matches = new long[ORDER];
        long[] totals = new long[ORDER];
        long hypothesisLength = 0;
        long referenceLength = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> refs = references.get(i);
            if (refs == null || refs.isEmpty()) {
                throw new IllegalArgumentException("hypothesis " + i + " has no reference");
            }
            String[] hyp = words(hypotheses.get(i));
            hypothesisLength += hyp.length;
            Map<String, Integer> maxRefCounts = new HashMap<>();
            int closest = -1;
            for (String ref : refs) {
                String[] r = words(ref);
                int diff = Math.abs(hyp.length - r.length);
                if (closest < 0 || diff < Math.abs(hyp.length - closest) || diff == Math.abs(hyp.length - closest)
                        && r.length < closest) {
                    closest = r.length;
                }
                ngrams(r).forEach((gram, count) -> maxRefCounts.merge(gram, count, Math::max));
            }
            referenceLength += closest;
            for (Map.Entry<String, Integer> e : ngrams(hyp).entrySet()) {
                int n = order(e.getKey());
                totals[n - 1] += e.getValue();
                matches[n - 1] += Math.min(e.getValue(), maxRefCounts.getOrDefault(e.getKey(), 0));
            }
        }
        return score(matches, totals, hypothesisLength, referenceLength);
    }

    /** sacreBLEU's {@code compute_bleu} with "exp" smoothing and the full order 4. */
    static Score score(long[] matches, long[] totals, long hypothesisLength, long referenceLength) {
        double bp = hypothesisLength < referenceLength
                ? hypothesisLength > 0 ? Math.exp(1 - (double) referenceLength / hypothesisLength) : 0.0 : 1.0;
        double[] precisions = new double[ORDER];
        boolean anyMatch = false;
        for (long m : matches) {
            anyMatch |= m > 0;
        }
        if (!anyMatch) {
            return new Score(0.0, precisions, bp, hypothesisLength, referenceLength);
        }
        double smooth = 1;
        for (int n = 0; n < ORDER; n++) {
            if (totals[n] == 0) {
                break; // the remaining precisions stay 0, which makes BLEU 0, as in sacreBLEU
            }
            if (matches[n] == 0) {
                smooth *= 2;
                precisions[n] = 100.0 / (smooth * totals[n]);
            } else {
                precisions[n] = 100.0 * matches[n] / totals[n];
            }
        }
        double logSum = 0;
        for (double p : precisions) {
            logSum += p > 0 ? Math.log(p) : -9999999999.0; // sacreBLEU's my_log(0)
        }
        return new Score(bp * Math.exp(logSum / ORDER), precisions, bp, hypothesisLength, referenceLength);
    }

    /** The 13a tokenisation of {@code line} (mteval-v13a as sacreBLEU implements it), tokens joined by spaces. */
    public static String tokenize13a(String line) {
        String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
        if (s.indexOf('&') >= 0) {
            s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        }
        s = " " + s + " ";
        s = PUNCTUATION.matcher(s).replaceAll(" $1 ");
        s = PERIOD_COMMA_AFTER.matcher(s).replaceAll("$1 $2 ");
        s = PERIOD_COMMA_BEFORE.matcher(s).replaceAll(" $1 $2");
        s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
        return String.join(" ", splitWhitespace(s));
    }

    private static String[] words(String sentence) {
        // sacreBLEU strips trailing whitespace before tokenising
        return splitWhitespace(tokenize13a(sentence.stripTrailing()));
    }

    /** Python's {@code str.split()}: runs of whitespace separate, no empty strings. */
    private static String[] splitWhitespace(String s) {
        String trimmed = s.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("[\\s\\u001c-\\u001f\\u0085\\u00a0\\u1680\\u2000-"
                + "\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+");
    }

    /** Counts of every n-gram of orders 1–4; an n-gram is its words joined by a space. */
    private static Map<String, Integer> ngrams(String[] words) {
        Map<String, Integer> counts = new HashMap<>();
        for (int n = 1; n <= ORDER; n++) {
            for (int i = 0; i + n <= words.length; i++) {
                counts.merge(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int order(String gram) {
        int n = 1;
        for (int i = 0; i < gram.length(); i++) {
            if (gram.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}
