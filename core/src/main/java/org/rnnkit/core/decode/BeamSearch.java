package org.rnnkit.core.decode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search: per input, keeps the {@code width} most likely partial sequences, extends them all by every
 * allowed token, and keeps the {@code width} most likely extensions. An extension that chooses the stop token
 * is finished and its place in the beam is not refilled, so a beam of width 1 is exactly greedy search. Finished
 * and maximum-length sequences are ranked by {@code logProbability / length^alpha} (length in tokens, the stop
 * token included; alpha 0 ranks by probability, larger alpha favours longer sequences).
 *
 * @param width hypotheses kept per input, at least 1
 * @param alpha length normalisation exponent, at least 0
 */
public record BeamSearch(int width, double alpha) implements Search {

    public BeamSearch {
        if (width < 1) {
            throw new IllegalArgumentException("beam width must be at least 1, got " + width);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("length normalisation alpha must be >= 0, got " + alpha);
        }
    }

    /** A copy ranking by {@code logProbability / length^alpha}. */
    public BeamSearch withLengthNormalization(double value) {
        return new BeamSearch(width, value);
    }

    @Override
    public List<Decoded> decode(StepModel model, int[][] inputs, DecodeOptions options) {
        List<List<Decoded>> all = decodeAll(model, inputs, options);
        List<Decoded> best = new ArrayList<>(all.size());
        all.forEach(candidates -> best.add(candidates.get(0)));
        return best;
    }

    /** Every hypothesis that ended (finished or at the maximum length) per input, best score first. */
    public List<List<Decoded>> decodeAll(StepModel model, int[][] inputs, DecodeOptions options) {
        int n = inputs.length;
        int vocabulary = model.vocabularySize();
        List<List<Decoded>> ended = new ArrayList<>(n);
        List<Hypothesis> live = new ArrayList<>(n);
        int[] start = model.startTokens(inputs);
        for (int i = 0; i < n; i++) {
            ended.add(new ArrayList<>());
            live.add(new Hypothesis(i, new int[0], 0, start[i]));
        }
        DecoderState state = model.encode(inputs);
        for (int t = 0; t < options.maxLength() && !live.isEmpty(); t++) {
            int[] previous = live.stream().mapToInt(h -> h.last).toArray();
            Step step = model.step(state, previous);
            NextTokens.check(step.logProbabilities(), live.size(), vocabulary);
            List<Hypothesis> next = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (int from = 0; from < live.size(); ) {
                int input = live.get(from).input;
                int to = from;
                while (to < live.size() && live.get(to).input == input) {
                    to++;
                }
                int room = width - ended.get(input).size();
                for (Extension e : best(live, from, to, step.logProbabilities(), vocabulary, options, room)) {
                    Hypothesis parent = live.get(e.row);
                    double logp = parent.logp + e.logp;
                    if (e.token == options.tokens().stopToken()) {
                        ended.get(input).add(result(parent.tokens, logp, parent.tokens.length + 1, true));
                    } else {
                        next.add(new Hypothesis(input, append(parent.tokens, e.token), logp, e.token));
                        rows.add(e.row);
                    }
                }
                from = to;
            }
            state = step.next().select(rows.stream().mapToInt(Integer::intValue).toArray());
            live = next;
        }
        for (Hypothesis h : live) {
            ended.get(h.input).add(result(h.tokens, h.logp, h.tokens.length, false));
        }
        for (List<Decoded> candidates : ended) {
            candidates.sort(Comparator.comparingDouble(Decoded::score).reversed());
        }
        return ended;
    }

    /** The {@code room} best extensions of one input's live rows {@code [from, to)}; ties go to the earlier row and lower token. */
    private static List<Extension> best(List<Hypothesis> live, int from, int to, double[][] logProbabilities,
                                        int vocabulary, DecodeOptions options, int room) {
        List<Extension> candidates = new ArrayList<>();
        for (int row = from; row < to; row++) {
            Hypothesis h = live.get(row);
            BitSet allowed = NextTokens.allowed(vocabulary, options, h.input, h.tokens);
            for (int token = allowed.nextSetBit(0); token >= 0; token = allowed.nextSetBit(token + 1)) {
                candidates.add(new Extension(row, token, logProbabilities[row][token], h.logp + logProbabilities[row][token]));
            }
        }
        // A stable sort keeps row-then-token order among equal scores, as greedy's argmax does.
        candidates.sort(Comparator.comparingDouble(Extension::total).reversed());
        return candidates.subList(0, Math.min(room, candidates.size()));
    }

    private Decoded result(int[] tokens, double logp, int length, boolean finished) {
        double score = alpha == 0 || length == 0 ? logp : logp / Math.pow(length, alpha);
        return new Decoded(tokens, logp, score, finished);
    }

    private static int[] append(int[] tokens, int token) {
        int[] out = java.util.Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = token;
        return out;
    }

    private record Hypothesis(int input, int[] tokens, double logp, int last) {
    }

    private record Extension(int row, int token, double logp, double total) {
    }
}
