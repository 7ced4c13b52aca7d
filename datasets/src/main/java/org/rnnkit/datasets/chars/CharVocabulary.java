package org.rnnkit.datasets.chars;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnkit.datasets.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The characters (Unicode code points) of a corpus, sorted by code point, index = position. Immutable; saved and
 * loaded as JSON ({@code {"codePoints":[10,32,33,...]}}).
 */
public final class CharVocabulary {

    private final int[] codePoints;
    private final Map<Integer, Integer> index = new HashMap<>();

    /** The distinct code points given, sorted. */
    public CharVocabulary(int[] codePoints) {
        this.codePoints = Arrays.stream(codePoints).distinct().sorted().toArray();
        for (int i = 0; i < this.codePoints.length; i++) {
            index.put(this.codePoints[i], i);
        }
    }

    /** Number of characters V. */
    public int size() {
        return codePoints.length;
    }

    /** Index of a code point, or -1 when not in the vocabulary. */
    public int indexOf(int codePoint) {
        return index.getOrDefault(codePoint, -1);
    }

    /** Code point at an index. */
    public int codePoint(int i) {
        return codePoints[i];
    }

    /** The text of a sequence of indices. */
    public String decode(int[] indices) {
        StringBuilder sb = new StringBuilder(indices.length);
        for (int i : indices) {
            sb.appendCodePoint(codePoints[i]);
        }
        return sb.toString();
    }

    /** Indices of the characters of {@code text}; an unknown character is an {@link IllegalArgumentException}. */
    public int[] encode(String text) {
        return text.codePoints().map(cp -> {
            int i = indexOf(cp);
            if (i < 0) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(cp) + " not in vocabulary");
            }
            return i;
        }).toArray();
    }

    /** JSON form. */
    public String toJson() {
        ObjectNode node = Json.object();
        ArrayNode a = node.putArray("codePoints");
        for (int cp : codePoints) {
            a.add(cp);
        }
        return Json.write(node);
    }

    /** Parses {@link #toJson()}'s form. */
    public static CharVocabulary fromJson(String json) {
        JsonNode a = Json.field(Json.read(json, "char vocabulary"), "codePoints", "char vocabulary");
        int[] cps = new int[a.size()];
        for (int i = 0; i < cps.length; i++) {
            cps[i] = a.get(i).asInt();
        }
        return new CharVocabulary(cps);
    }

    /** Writes the JSON form to a stream (left open). */
    public void save(OutputStream out) throws IOException {
        out.write(toJson().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the JSON form from a stream. */
    public static CharVocabulary load(InputStream in) throws IOException {
        return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharVocabulary v && Arrays.equals(v.codePoints, codePoints);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codePoints);
    }
}
