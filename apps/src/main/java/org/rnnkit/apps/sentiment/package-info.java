/**
 * {@code rnnkit sentiment}: the many-to-one demo. {@code train} fits a text classifier on reviews (a corpus shipped
 * with rnnkit, or data in the aclImdb, {@code text<TAB>label} or one-file-per-class layout), {@code eval} measures
 * it on a test split, {@code predict} labels new text. The commands only read options and report: data layouts and
 * splits live in {@code org.rnnkit.datasets.text}, the settings and training recipe in {@code org.rnnkit.core.text},
 * the classifier pipeline and its file in {@code org.rnnkit.core.task}, metrics in {@code org.rnnkit.core.eval}.
 */
package org.rnnkit.apps.sentiment;
