/**
 * Where every model starts: {@link org.rnnkit.core.Rnn} declares, {@link org.rnnkit.core.SequenceModel} and {@link org.rnnkit.core.Seq2SeqModel} are the built kinds, {@link org.rnnkit.core.RnnModel} is what training and bundles need of any kind.
 */
package org.rnnkit.core;
