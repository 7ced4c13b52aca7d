package org.rnnkit.core;

import org.rnnkit.core.builder.Seq2SeqBuilder;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.InputSpec;

/** Where every rnnkit model starts. */
public final class Rnn {

    private Rnn() {
    }

    /** A sequential model over the given input: many-to-one, many-to-many or one-to-many. */
    public static SequenceBuilder sequence(InputSpec input) {
        return new SequenceBuilder(input);
    }

    /** An encoder-decoder model from a source vocabulary to a target vocabulary. */
    public static Seq2SeqBuilder encoderDecoder(int sourceVocabulary, int targetVocabulary) {
        return new Seq2SeqBuilder(sourceVocabulary, targetVocabulary);
    }
}
