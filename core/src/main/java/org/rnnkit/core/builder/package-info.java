/**
 * Fluent builders over the specs, and the compilers that turn a spec into a DL4J configuration (the encoder-decoder layout lives in {@link org.rnnkit.core.builder.Seq2SeqParts}).
 */
package org.rnnkit.core.builder;
