package org.rnnkit.datasets;


import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Class names and their indices 0..C-1, immutable; saved and loaded as JSON so an app keeps it with a model. */
public final class LabelSet {

    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    private LabelSet(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a label set needs at least one class");
        }
        this.names = List.copyOf(names);
        for (int i = 0; i < this.names.size(); i++) {
            if (index.put(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate class name: " + this.names.get(i));
            }
        }
    }

    /** The classes in the given order. */
    public static LabelSet of(List<String> names) {
        return new LabelSet(names);
    }

    /** The classes in the given order. */
    public static LabelSet of(String... names) {
        return new LabelSet(List.of(names));
    }

    /**
     * The distinct observed names, sorted: numerically when all are numbers (so "-1" &lt; "1" &lt; "10"),
     * otherwise alphabetically.
     */
    public static LabelSet sorted(Collection<String> observed) {
        boolean numeric = observed.stream().allMatch(LabelSet::isNumber);
        Collection<String> distinct = numeric
                ? new TreeSet<String>((a, b) -> {
                    int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
                    return c != 0 ? c : a.compareTo(b);
                })
                : new TreeSet<>();
        distinct.addAll(new LinkedHashSet<>(observed));
        return new LabelSet(new ArrayList<>(distinct));
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Number of classes C. */
    public int size() {
        return names.size();
    }

    /** Class names in index order. */
    public List<String> names() {
        return names;
    }

    /** Name of class {@code i}. */
    public String name(int i) {
        return names.get(i);
    }

    /** Index of a class name, or -1 when unknown. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** JSON form: {@code {"labels":["neg","pos"]}}. */
    public String toJson() {
        return Json.writeStrings("labels", names);
    }

    /** Parses {@link #toJson()}'s form. */
    public static LabelSet fromJson(String json) {
        return new LabelSet(Json.readStrings(json, "labels", "label set"));
    }

    /** Writes the JSON form to a stream (left open). */
    public void save(OutputStream out) throws IOException {
        out.write(toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the JSON form from a stream. */
    public static LabelSet load(InputStream in) throws IOException {
        return fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSet other && other.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return "LabelSet" + names;
    }
}
