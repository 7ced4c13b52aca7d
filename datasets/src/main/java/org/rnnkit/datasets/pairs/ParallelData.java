package org.rnnkit.datasets.pairs;

import java.nio.file.Path;
import java.util.List;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.TestSplit;

/**
 * Sentence pairs with a description of where they came from: a {@code source<TAB>target} file or rnnkit's
 * {@link GeneratedPairs generated corpus}. Splits off the test part by source sentence for training, and gives
 * back exactly that part for evaluation when it is the same data.
 *
 * @param description for logs and reports, e.g. the file path
 * @param pairs       the pairs, in file order
 */
public record ParallelData(String description, List<SentencePair> pairs) {

    public ParallelData {
        pairs = List.copyOf(pairs);
    }

    /** The pairs of a Tatoeba/Anki file ({@link SentencePairReader}); bad lines fail naming file and line. */
    public static ParallelData open(Path file) {
        return new ParallelData(file.toString(), SentencePairReader.read(file));
    }

    /** rnnkit's default corpus ({@link GeneratedPairs#defaultCorpus()}). */
    public static ParallelData generated() {
        return new ParallelData("rnnkit's generated English-French corpus (" + GeneratedPairs.DEFAULT_COUNT
                + " pairs, seed " + GeneratedPairs.DEFAULT_SEED + ")", GeneratedPairs.defaultCorpus());
    }

    /**
     * A part of the data: its pairs, a description, and the split that made it (null: all of the data).
     */
    public record Part(String description, List<SentencePair> pairs, TestSplit split) {
        public Part {
            pairs = List.copyOf(pairs);
        }
    }

    /** The pairs whose source sentence {@code holdOut} keeps, with the split recorded for evaluation. */
    public Part trainingPart(HoldOut holdOut) {
        PairSplit.Parts parts = PairSplit.bySource(pairs, holdOut);
        return new Part(description + ", training part (" + holdOut.describe() + " for testing, by source)",
                parts.kept(), new TestSplit(holdOut, PairSplit.fingerprint(pairs)));
    }

    /**
     * What to evaluate a model on: when {@code split} was made from this very data, exactly its held-out part (no
     * source sentence training saw); otherwise, or with {@code all}, every pair.
     */
    public Part evaluationPart(TestSplit split, boolean all) {
        if (all || split == null || !split.data().equals(PairSplit.fingerprint(pairs))) {
            return new Part(description + " (all " + pairs.size() + " pairs)", pairs, null);
        }
        List<SentencePair> held = PairSplit.bySource(pairs, split.holdOut()).heldOut();
        return new Part(description + ", test part (" + split.describe() + " by source, " + held.size() + " pairs)",
                held, split);
    }
}
