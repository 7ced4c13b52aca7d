package org.rnnkit.datasets.text;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.LabelSet;

import java.util.ArrayList;
import java.util.List;

/** Labelled texts and their classes, immutable; built by {@link TextCorpusReader}. */
public record TextCorpus(List<LabelledText> texts, LabelSet classes) {

    /** Copies the list. */
    public TextCorpus {
        texts = List.copyOf(texts);
    }

    /** Number of texts. */
    public int size() {
        return texts.size();
    }

    /** Texts per class, in class order. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        texts.forEach(t -> counts[t.label()]++);
        return counts;
    }

    /** This corpus followed by {@code other} (same classes required). */
    /**
     * An order-independent digest of the labelled texts (SHA-256 of each label and text, summed), with their
     * count: the same data read again, in any order, gives the same fingerprint.
     */
    public String fingerprint() {
        MessageDigest sha = HoldOut.sha256();
        BigInteger sum = BigInteger.ZERO;
        for (LabelledText t : texts) {
            sha.reset();
            sha.update(classes.names().get(t.label()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\t');
            sum = sum.add(new BigInteger(1, sha.digest(t.text().getBytes(StandardCharsets.UTF_8))));
        }
        return texts.size() + ":" + sum.toString(16);
    }

    public TextCorpus concat(TextCorpus other) {
        if (!other.classes.equals(classes)) {
            throw new IllegalArgumentException("classes differ: " + classes + " vs " + other.classes);
        }
        List<LabelledText> all = new ArrayList<>(texts);
        all.addAll(other.texts);
        return new TextCorpus(all, classes);
    }

    /**
     * The same texts with their labels re-indexed to {@code target} (e.g. a trained model's classes). A class
     * name that {@code target} lacks is a {@link DataFormatException} naming the first text of that class.
     */
    public TextCorpus relabel(LabelSet target) {
        if (target.equals(classes)) {
            return this;
        }
        int[] map = new int[classes.size()];
        for (int c = 0; c < map.length; c++) {
            map[c] = target.indexOf(classes.name(c));
        }
        List<LabelledText> out = new ArrayList<>(texts.size());
        for (LabelledText t : texts) {
            if (map[t.label()] < 0) {
                throw DataFormatException.at(t.source(), "label", "a class among " + target.names()
                        + ", found \"" + classes.name(t.label()) + "\"");
            }
            out.add(new LabelledText(t.text(), map[t.label()], t.source()));
        }
        return new TextCorpus(out, target);
    }

    /** The texts' tokens under {@code tokenizer}, e.g. to build a {@link Vocabulary}. */
    public List<List<String>> tokenize(Tokenizer tokenizer) {
        List<List<String>> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(tokenizer.tokenize(t.text())));
        return out;
    }
}
