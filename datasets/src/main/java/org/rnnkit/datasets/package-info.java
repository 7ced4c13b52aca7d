/**
 * Shared pieces of every loader: {@link org.rnnkit.datasets.SequenceBatcher} pads variable-length sequences into
 * NCW arrays {@code [mb, channels, T]} with masks {@code [mb, T]}; {@link org.rnnkit.datasets.BatchPlan} orders
 * examples (sequential, seeded shuffle, length buckets); {@link org.rnnkit.datasets.AbstractSequenceIterator} is
 * the base iterator; {@link org.rnnkit.datasets.SequenceDataset} holds numeric sequences, split by sequence and
 * normalised by {@link org.rnnkit.datasets.SequenceNormalizer}; {@link org.rnnkit.datasets.LabelSet} names
 * classes; every bad input is one {@link org.rnnkit.datasets.DataFormatException} naming file, place and what was
 * expected, and {@link org.rnnkit.datasets.RecordErrors} makes skipping bad records an explicit, counted choice.
 */
package org.rnnkit.datasets;
