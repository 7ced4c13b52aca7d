package org.rnnkit.core.builder;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.DuplicateToTimeSeriesVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.rnnkit.core.layers.AttentionVertex;
import org.rnnkit.core.layers.BidirectionalLastStep;
import org.rnnkit.core.layers.RecurrentCell;
import org.rnnkit.core.layers.SequenceOutput;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.RecurrentSpec;
import org.rnnkit.core.spec.Seq2SeqSpec;
import org.rnnkit.core.spec.SpecException;

/**
 * Compiles a {@link Seq2SeqSpec} to a DL4J {@link ComputationGraphConfiguration}; the only place the
 * encoder-decoder is laid out (names in {@link Seq2SeqParts}).
 *
 * <p>Graph: {@code source → embedding → encoder stack} (bidirectional when declared) gives the encoder
 * states; their final states (the last real step, and for a bidirectional encoder the backward direction's first
 * step) go through a dense {@code tanh} bridge to a context vector. The first decoder layer starts from that
 * vector as its initial hidden state ({@link RecurrentCell#isInitialStateFromInput()}; a decoder on DL4J's own
 * layers, with layer normalisation, starts from 0) and reads, at every step, the embedded previous target token
 * concatenated with the same vector, then {@code → decoder stack → softmax}. Inputs are {@code [batch, 1, time]}
 * token indices.
 *
 * <p><b>Attention.</b> With {@link Seq2SeqSpec#attention()} other than NONE, an {@link AttentionVertex} reads
 * the last decoder layer's outputs and the encoder states ({@link Seq2SeqParts#encoderStates()}, masked by the
 * source mask the graph carries) and gives Luong's attentional vectors, which the softmax reads instead of the
 * decoder outputs (Luong et al. 2015, without input feeding, so teacher forcing runs all target steps at once).
 * The step-wise decoder ({@code Seq2SeqStepper}) runs the same vertex on one step.
 */
public final class Seq2SeqCompiler {

    private Seq2SeqCompiler() {
    }

    public static ComputationGraphConfiguration configuration(Seq2SeqSpec spec, DataType dataType) {
        Seq2SeqParts parts = Seq2SeqParts.of(spec);
        RecurrentSpec rnn = spec.rnn();
        ComputationGraphConfiguration.GraphBuilder g = NetworkCompiler.base(spec.optimizer(), spec.seed(), dataType)
                .graphBuilder()
                .addInputs(parts.source(), parts.targetIn())
                .setInputTypes(inputTypes(spec))
                .addLayer(parts.encoder().get(0), embedding(spec.sourceVocabulary(), spec.embedding()), parts.source());
        for (int i = 0; i < rnn.layers(); i++) {
            g.addLayer(parts.encoder().get(i + 1), rnn.dl4jLayer(i), parts.encoder().get(i));
        }
        if (rnn.bidirectional()) {
            g.addLayer(parts.finalStates(), new BidirectionalLastStep(), parts.encoderStates());
        } else {
            g.addVertex(parts.finalStates(), new LastTimeStepVertex(parts.source()), parts.encoderStates());
        }
        g.addLayer(parts.bridge(), new DenseLayer.Builder().nOut(rnn.units()).activation(Activation.TANH).build(),
                parts.finalStates());
        g.addLayer(parts.targetEmbedding(), embedding(spec.targetVocabulary(), spec.embedding()), parts.targetIn());
        addContext(g, parts);
        g.addVertex(parts.decoderInput(), new MergeVertex(), parts.targetEmbedding(), parts.contextPerStep());
        RecurrentSpec decoder = rnn.unidirectional();
        String previous = parts.decoderInput();
        for (int i = 0; i < rnn.layers(); i++) {
            Layer layer = decoder.dl4jLayer(i);
            if (i == 0 && layer instanceof RecurrentCell first) {
                first.setInitialStateFromInput(true); // the context is the last part of its input
            }
            g.addLayer(parts.decoder().get(i), layer, previous);
            previous = parts.decoder().get(i);
        }
        if (parts.attention() != null) {
            g.addVertex(parts.attention(), attention(spec), previous, parts.encoderStates());
            previous = parts.attention();
        }
        g.addLayer(parts.output(), new SequenceOutput.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(spec.targetVocabulary()).build(), previous)
                .setOutputs(parts.output());
        try {
            return g.build();
        } catch (RuntimeException e) {
            throw new SpecException("DL4J rejected the compiled encoder-decoder: " + e.getMessage());
        }
    }

    /** The attention hook: the context each decoder step reads, here the bridged final states at every step. */
    private static void addContext(ComputationGraphConfiguration.GraphBuilder g, Seq2SeqParts parts) {
        g.addVertex(parts.contextPerStep(), new DuplicateToTimeSeriesVertex(parts.targetIn()), parts.bridge());
    }

    /**
     * The attention vertex: decoder outputs against the (masked) encoder states, an attentional vector of the
     * decoder's size, trained like the rest of the model.
     */
    private static AttentionVertex attention(Seq2SeqSpec spec) {
        Optimizer o = spec.optimizer();
        GradientNormalization clipping = o.clipNorm() > 0 ? GradientNormalization.ClipL2PerLayer
                : o.clipValue() > 0 ? GradientNormalization.ClipElementWiseAbsoluteValue : GradientNormalization.None;
        return new AttentionVertex(spec.attention().score(), spec.rnn().units(), spec.encoderStateSize(),
                spec.rnn().units(), o.updater()).withTraining(clipping, Math.max(o.clipNorm(), o.clipValue()), o.l2());
    }

    /** Input types of the graph; token inputs carry their vocabulary size, as DL4J's embedding expects. */
    public static InputType[] inputTypes(Seq2SeqSpec spec) {
        return new InputType[] {InputType.recurrent(spec.sourceVocabulary()), InputType.recurrent(spec.targetVocabulary())};
    }

    /**
     * An embedding initialised from N(0, 1), as PyTorch's {@code nn.Embedding}: Xavier over the vocabulary size gives
     * vectors of norm about 0.5 that only the frequent words move away from, so rare words stay alike.
     */
    private static EmbeddingSequenceLayer embedding(int vocabulary, int units) {
        return new EmbeddingSequenceLayer.Builder().nIn(vocabulary).nOut(units)
                .weightInit(new NormalDistribution(0, 1)).build();
    }
}
