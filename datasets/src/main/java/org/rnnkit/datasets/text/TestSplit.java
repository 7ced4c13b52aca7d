package org.rnnkit.datasets.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnkit.datasets.Json;

/**
 * The test part a classifier's training data lost: the {@link HoldOut} that split it off, and the
 * {@link TextCorpus#fingerprint() fingerprint} of that data, so that evaluation takes the held-out part only
 * of the very data the model was trained on (other data is all test data).
 *
 * @param holdOut how the test part was held out
 * @param data    fingerprint of the whole data the split was applied to
 */
public record TestSplit(HoldOut holdOut, String data) {

    /** Whether {@code corpus} is the data this split was made from. */
    public boolean madeFrom(TextCorpus corpus) {
        return data.equals(corpus.fingerprint());
    }

    /** e.g. "10% held out with seed 42". */
    public String describe() {
        return holdOut.describe();
    }

    /** JSON form: the hold-out's fields plus {@code "data"}. */
    public ObjectNode toJsonNode() {
        return holdOut.toJsonNode().put("data", data);
    }

    /** Parses {@link #toJsonNode()}'s form. */
    public static TestSplit fromJson(JsonNode node) {
        return new TestSplit(HoldOut.fromJson(node), Json.field(node, "data", "test split").asText());
    }
}
