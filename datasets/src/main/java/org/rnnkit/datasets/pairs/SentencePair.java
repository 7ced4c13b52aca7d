package org.rnnkit.datasets.pairs;

/** A source sentence, its translation, and the 1-based line it came from. */
public record SentencePair(String source, String target, long line) {
}
