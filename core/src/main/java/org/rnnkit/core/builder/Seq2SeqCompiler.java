package org.rnnkit.core.builder;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.DuplicateToTimeSeriesVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.rnnkit.core.spec.RecurrentSpec;
import org.rnnkit.core.spec.Seq2SeqSpec;
import org.rnnkit.core.spec.SpecException;

/**
 * Compiles a {@link Seq2SeqSpec} to a DL4J {@link ComputationGraphConfiguration}.
 *
 * <p>Graph: {@code source → embedding → encoder stack → last real step ("thought")}; the thought vector
 * is repeated over the target length and concatenated with the embedded previous target token, then
 * {@code → decoder stack → softmax}. Inputs are {@code [batch, 1, time]} token indices.
 */
public final class Seq2SeqCompiler {
    /** Vertex names, public so that step-wise decoding can reach the layers. */
    public static final String SOURCE = "source";
    public static final String TARGET_IN = "targetIn";
    public static final String TARGET_EMBEDDING = "targetEmbedding";
    public static final String THOUGHT = "thought";
    public static final String OUTPUT = "output";

    private Seq2SeqCompiler() {
    }

    /** Name of decoder layer {@code i}. */
    public static String decoder(int i) {
        return "decoder" + i;
    }

    public static ComputationGraphConfiguration configuration(Seq2SeqSpec spec, DataType dataType) {
        RecurrentSpec rnn = spec.rnn();
        ComputationGraphConfiguration.GraphBuilder g = NetworkCompiler.base(spec.optimizer(), spec.seed(), dataType)
                .graphBuilder()
                .addInputs(SOURCE, TARGET_IN)
                .setInputTypes(inputTypes(spec))
                .addLayer("sourceEmbedding", embedding(spec.sourceVocabulary(), spec.embedding()), SOURCE);
        String previous = "sourceEmbedding";
        for (int i = 0; i < rnn.layers(); i++) {
            g.addLayer("encoder" + i, rnn.dl4jLayer(i), previous);
            previous = "encoder" + i;
        }
        g.addVertex(THOUGHT, new LastTimeStepVertex(SOURCE), previous)
                .addLayer(TARGET_EMBEDDING, embedding(spec.targetVocabulary(), spec.embedding()), TARGET_IN)
                .addVertex("thoughtPerStep", new DuplicateToTimeSeriesVertex(TARGET_IN), THOUGHT)
                .addVertex("decoderInput", new MergeVertex(), TARGET_EMBEDDING, "thoughtPerStep");
        previous = "decoderInput";
        for (int i = 0; i < rnn.layers(); i++) {
            g.addLayer(decoder(i), rnn.dl4jLayer(i), previous);
            previous = decoder(i);
        }
        g.addLayer(OUTPUT, new RnnOutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(spec.targetVocabulary()).build(), previous)
                .setOutputs(OUTPUT);
        try {
            return g.build();
        } catch (RuntimeException e) {
            throw new SpecException("DL4J rejected the compiled encoder-decoder: " + e.getMessage());
        }
    }

    /** Input types of the graph; token inputs carry their vocabulary size, as DL4J's embedding expects. */
    public static InputType[] inputTypes(Seq2SeqSpec spec) {
        return new InputType[] {InputType.recurrent(spec.sourceVocabulary()), InputType.recurrent(spec.targetVocabulary())};
    }

    private static EmbeddingSequenceLayer embedding(int vocabulary, int units) {
        return new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(units).build();
    }
}
