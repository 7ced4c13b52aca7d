package org.rnnkit.core;

import org.deeplearning4j.nn.api.Model;

/**
 * A built rnnkit model: its declaration (as JSON) and the DL4J network it compiled to. Implemented by
 * {@link SequenceModel} (a {@code MultiLayerNetwork}) and {@link Seq2SeqModel} (a {@code ComputationGraph}).
 */
public interface RnnModel {

    /** The declaration this model was built from, as JSON. */
    String specJson();

    /** The underlying DL4J network, with everything DL4J offers. */
    Model network();

    /** A table of layers, output shapes and parameter counts. */
    String summary();
}
