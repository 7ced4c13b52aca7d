/**
 * Parallel sentences (Tatoeba/Anki {@code source<TAB>target}) as encoder-decoder {@code MultiDataSet}s for
 * teacher forcing: source, BOS-shifted decoder input, EOS-terminated decoder target, with masks.
 */
package org.rnnkit.datasets.pairs;
