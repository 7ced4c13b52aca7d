/**
 * Labelled text for classification: readers for three layouts, a tokenizer, a {@link
 * org.rnnkit.datasets.text.Vocabulary} (PAD=0, UNK=1, BOS=2, EOS=3), an encoder with truncation, and a
 * many-to-one iterator emitting token indices {@code [mb, 1, T]} with masks and one-hot labels {@code [mb, C]}.
 */
package org.rnnkit.datasets.text;
