/**
 * Numeric sequence files for classification: delimited files (one per sequence, or grouped by an id column), the
 * UCR text format, the UEA/sktime {@code .ts} format and the UCI synthetic control chart file, each read into a
 * {@link org.rnnkit.datasets.SequenceDataset}.
 */
package org.rnnkit.datasets.csv;
