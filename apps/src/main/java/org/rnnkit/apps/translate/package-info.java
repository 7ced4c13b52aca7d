/**
 * {@code rnnkit translate}: the encoder-decoder demo. {@code train} fits a translator with attention on sentence
 * pairs (rnnkit's generated English-French corpus, or a Tatoeba/Anki {@code source<TAB>target} file), {@code eval}
 * measures BLEU and exact match on the held-out source sentences, {@code run} translates text. The commands only
 * read options and report: pairs and splits live in {@code org.rnnkit.datasets.pairs}, the settings and training
 * recipe in {@code org.rnnkit.core.translate}, the translator and its file in {@code org.rnnkit.core.task}, BLEU in
 * {@code org.rnnkit.core.eval}.
 */
package org.rnnkit.apps.translate;
