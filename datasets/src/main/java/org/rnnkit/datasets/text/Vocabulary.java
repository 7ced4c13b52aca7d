package org.rnnkit.datasets.text;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.SpecialTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token strings and their indices, immutable. Indices 0-3 are reserved as {@link SpecialTokens} says:
 * {@link #PAD} ({@code <pad>}), {@link #UNK} ({@code <unk>}, any token not in the vocabulary), {@link #BOS}
 * ({@code <s>}) and {@link #EOS} ({@code </s>}); then tokens by descending frequency (ties alphabetically).
 * Saved and loaded as JSON.
 */
public final class Vocabulary {

    /** Padding index, {@link SpecialTokens#PAD}. */
    public static final int PAD = SpecialTokens.PAD;
    /** Unknown-token index, {@link SpecialTokens#UNK}. */
    public static final int UNK = SpecialTokens.UNK;
    /** Begin-of-sequence index, {@link SpecialTokens#BOS}. */
    public static final int BOS = SpecialTokens.BOS;
    /** End-of-sequence index, {@link SpecialTokens#EOS}. */
    public static final int EOS = SpecialTokens.EOS;
    private static final List<String> SPECIALS = SpecialTokens.NAMES;

    private final List<String> tokens;
    private final Map<String, Integer> index = new HashMap<>();

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            index.put(this.tokens.get(i), i);
        }
    }

    /**
     * Builds from tokenised documents: tokens seen at least {@code minFrequency} times, at most {@code maxSize}
     * entries in all (the 4 reserved included; {@code maxSize <= 0} means no limit).
     */
    public static Vocabulary build(Iterable<? extends List<String>> documents, int minFrequency, int maxSize) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> doc : documents) {
            for (String t : doc) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> e.getValue() < minFrequency || SPECIALS.contains(e.getKey()));
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> tokens = new ArrayList<>(SPECIALS);
        for (Map.Entry<String, Integer> e : entries) {
            if (maxSize > 0 && tokens.size() >= maxSize) {
                break;
            }
            tokens.add(e.getKey());
        }
        return new Vocabulary(tokens);
    }

    /** Number of entries V, reserved ones included. */
    public int size() {
        return tokens.size();
    }

    /** Index of a token, {@link #UNK} when unknown. */
    public int indexOf(String token) {
        return index.getOrDefault(token, UNK);
    }

    /** Token at an index. */
    public String token(int i) {
        return tokens.get(i);
    }

    /** Indices of tokens. */
    public int[] encode(List<String> words) {
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indexOf(words.get(i));
        }
        return out;
    }

    /** Tokens of indices, stopping at the first {@link #EOS} and leaving out PAD and BOS. */
    public List<String> decode(int[] indices) {
        List<String> out = new ArrayList<>();
        for (int i : indices) {
            if (i == EOS) {
                break;
            }
            if (i != PAD && i != BOS) {
                out.add(tokens.get(i));
            }
        }
        return out;
    }

    /** {@link #decode} joined by single spaces. */
    public String toText(int[] indices) {
        return String.join(" ", decode(indices));
    }

    /** JSON form: {@code {"tokens":["<pad>","<unk>","<s>","</s>","the",...]}}. */
    public String toJson() {
        return Json.writeStrings("tokens", tokens);
    }

    /** Parses {@link #toJson()}'s form; the reserved entries must be in place. */
    public static Vocabulary fromJson(String json) {
        List<String> tokens = Json.readStrings(json, "tokens", "vocabulary");
        if (tokens.size() < SPECIALS.size() || !tokens.subList(0, SPECIALS.size()).equals(SPECIALS)) {
            throw DataFormatException.at("vocabulary", "JSON", "tokens starting with " + SPECIALS);
        }
        if (new java.util.HashSet<>(tokens).size() != tokens.size()) {
            throw DataFormatException.at("vocabulary", "JSON", "distinct tokens (found a duplicate)");
        }
        return new Vocabulary(tokens);
    }

    /** Writes the JSON form to a stream (left open). */
    public void save(OutputStream out) throws IOException {
        out.write(toJson().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the JSON form from a stream. */
    public static Vocabulary load(InputStream in) throws IOException {
        return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + size() + " tokens]";
    }
}
