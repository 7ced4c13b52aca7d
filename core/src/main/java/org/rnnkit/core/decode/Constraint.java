package org.rnnkit.core.decode;

import java.util.BitSet;

/**
 * A grammar for decoding: which tokens may come next after a prefix, e.g. for melody tokens, that a pitch
 * is followed by a duration. Applied on top of {@link TokenRules}.
 */
@FunctionalInterface
public interface Constraint {

    /**
     * The tokens allowed after {@code prefix} (the tokens chosen so far, without the start token) of the
     * sequence decoded for input {@code input}, or null for no restriction.
     */
    BitSet allowed(int input, int[] prefix);
}
