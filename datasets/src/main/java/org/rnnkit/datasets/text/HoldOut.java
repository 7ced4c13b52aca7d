package org.rnnkit.datasets.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnkit.datasets.Json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reproducible split of a corpus into a kept part and a held-out part of about {@code fraction} of the texts.
 * Whether a text is held out depends only on its text and the seed (a SHA-256 hash), not on file order or the
 * other texts: the same data with the same split always gives the same parts, and duplicate texts always land on
 * the same side, so a held-out test or validation text never also appears in training. Saved as JSON with a model
 * so that evaluation can take exactly the part training never saw.
 *
 * @param fraction share of texts held out, in {@code (0, 1)}
 * @param seed     seed of the hash; another seed gives another split
 */
public record HoldOut(double fraction, long seed) {

    private static final long BUCKETS = 1_000_000L;

    /** Validates the fraction. */
    public HoldOut {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + fraction);
        }
    }

    /** The two parts of a split, both with the corpus's classes. */
    public record Parts(TextCorpus kept, TextCorpus heldOut) {
    }

    /** Splits {@code corpus}; texts keep their order within each part. */
    public Parts split(TextCorpus corpus) {
        List<LabelledText> kept = new ArrayList<>();
        List<LabelledText> held = new ArrayList<>();
        MessageDigest sha = sha256();
        long threshold = Math.round(fraction * BUCKETS);
        for (LabelledText t : corpus.texts()) {
            (bucket(sha, t.text()) < threshold ? held : kept).add(t);
        }
        return new Parts(new TextCorpus(kept, corpus.classes()), new TextCorpus(held, corpus.classes()));
    }

    /**
     * Whether an item whose identity is {@code key} (e.g. the text of a melody) is held out: the same rule as
     * {@link #split}, for data that is not a {@link TextCorpus}.
     */
    public boolean holdsOut(String key) {
        return bucket(sha256(), key) < Math.round(fraction * BUCKETS);
    }

    private long bucket(MessageDigest sha, String text) {
        sha.reset();
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
        return Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), BUCKETS);
    }

    /** A fresh SHA-256 digest: the hash behind splits and data fingerprints. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** JSON form: {@code {"fraction":0.1,"seed":42}}. */
    public ObjectNode toJsonNode() {
        ObjectNode node = Json.object();
        node.put("fraction", fraction);
        node.put("seed", seed);
        return node;
    }

    /** Parses {@link #toJsonNode()}'s form. */
    public static HoldOut fromJson(JsonNode node) {
        JsonNode fraction = Json.field(node, "fraction", "held-out split");
        JsonNode seed = Json.field(node, "seed", "held-out split");
        return new HoldOut(fraction.asDouble(), seed.asLong());
    }

    /** For messages: "10% held out with seed 42". */
    public String describe() {
        return String.format(Locale.ROOT, "%.0f%% held out with seed %d", fraction * 100, seed);
    }
}
