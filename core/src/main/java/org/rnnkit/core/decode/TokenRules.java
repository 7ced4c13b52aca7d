package org.rnnkit.core.decode;

import java.util.Arrays;
import org.rnnkit.datasets.SpecialTokens;

/**
 * Which ids are not tokens to emit: the stop token that ends a sequence, and the ids a search never chooses.
 * {@link #standard()} follows {@link SpecialTokens} (stop at EOS; never PAD, BOS or UNK); {@link #none()} suits
 * vocabularies without reserved ids, such as characters.
 *
 * @param stopToken  the id that ends a sequence (not included in the result), or -1 for none
 * @param neverEmit  ids never chosen
 */
public record TokenRules(int stopToken, int[] neverEmit) {

    public TokenRules {
        neverEmit = neverEmit.clone();
        for (int id : neverEmit) {
            if (id == stopToken) {
                throw new IllegalArgumentException("the stop token " + stopToken + " cannot also be never emitted");
            }
        }
    }

    /** rnnkit's convention: stop at EOS; never PAD, BOS or UNK. */
    public static TokenRules standard() {
        return new TokenRules(SpecialTokens.EOS, new int[] {SpecialTokens.PAD, SpecialTokens.BOS, SpecialTokens.UNK});
    }

    /** rnnkit's convention, with UNK allowed (for models whose unknown token is a useful answer). */
    public static TokenRules standardAllowingUnknown() {
        return new TokenRules(SpecialTokens.EOS, new int[] {SpecialTokens.PAD, SpecialTokens.BOS});
    }

    /** No reserved ids: every id may be emitted and nothing stops a sequence before its maximum length. */
    public static TokenRules none() {
        return new TokenRules(-1, new int[0]);
    }

    @Override
    public int[] neverEmit() {
        return neverEmit.clone();
    }

    /** Whether {@code id} may be emitted (the stop token may). */
    public boolean mayEmit(int id) {
        for (int banned : neverEmit) {
            if (banned == id) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenRules r && r.stopToken == stopToken && Arrays.equals(r.neverEmit, neverEmit);
    }

    @Override
    public int hashCode() {
        return 31 * stopToken + Arrays.hashCode(neverEmit);
    }

    @Override
    public String toString() {
        return "TokenRules[stop " + stopToken + ", never " + Arrays.toString(neverEmit) + "]";
    }
}
