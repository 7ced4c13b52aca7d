package org.rnnkit.datasets.pairs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.rnnkit.datasets.text.HoldOut;

/**
 * Splits sentence pairs by their source sentence with a {@link HoldOut}: all translations of a source land on the
 * same side, so no source sentence is both trained on and tested on. {@link #fingerprint} identifies a list of pairs
 * independently of its order, for recording which data a split was made from.
 */
public final class PairSplit {

    private PairSplit() {
    }

    /** The pairs kept and the pairs held out, each in their original order. */
    public record Parts(List<SentencePair> kept, List<SentencePair> heldOut) {
        public Parts {
            kept = List.copyOf(kept);
            heldOut = List.copyOf(heldOut);
        }
    }

    /** Splits {@code pairs} by source sentence. */
    public static Parts bySource(List<SentencePair> pairs, HoldOut holdOut) {
        List<SentencePair> kept = new ArrayList<>();
        List<SentencePair> held = new ArrayList<>();
        for (SentencePair p : pairs) {
            (holdOut.holdsOut(p.source()) ? held : kept).add(p);
        }
        return new Parts(kept, held);
    }

    /** Count and order-independent hash of the (source, target) pairs: the same data read again gives the same. */
    public static String fingerprint(List<SentencePair> pairs) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        BigInteger sum = BigInteger.ZERO;
        for (SentencePair p : pairs) {
            sha.reset();
            sha.update(p.source().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\t');
            sum = sum.add(new BigInteger(1, sha.digest(p.target().getBytes(StandardCharsets.UTF_8))));
        }
        return pairs.size() + ":" + sum.toString(16);
    }
}
