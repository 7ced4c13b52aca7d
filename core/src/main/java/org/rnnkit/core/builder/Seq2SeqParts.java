package org.rnnkit.core.builder;

import java.util.ArrayList;
import java.util.List;
import org.rnnkit.core.spec.Attention;
import org.rnnkit.core.spec.Seq2SeqSpec;

/**
 * The vertices of a compiled encoder-decoder graph, by name, in the order data flows through them. The
 * compiler builds the graph from these names and step-wise decoding walks the same parts, so neither
 * repeats the other's layout.
 *
 * @param source          graph input: source token indices {@code [batch, 1, sourceTime]}
 * @param targetIn        graph input: previous target tokens {@code [batch, 1, targetTime]} (BOS first)
 * @param encoder         source embedding, then the encoder layers; the last one's output is the encoder
 *                        states {@code [batch, units (x2 if bidirectional), sourceTime]} attention reads
 * @param finalStates     the encoder states at each source's ends: the last real step (and, bidirectional, the
 *                        backward direction's first step)
 * @param bridge          dense layer from the final states to the context: the first decoder layer's initial state
 *                        (in graphs compiled since it became one) and an input at every step, or
 *                        null in the layout of rnnkit 0.1 graphs, where the decoder reads the final states as they are
 * @param targetEmbedding embedding of the previous target token
 * @param contextPerStep  the context repeated over the target steps (training only; a step reads it directly)
 * @param decoderInput    merge of the embedded previous token and the context, in that order
 * @param decoder         the decoder layers (one direction)
 * @param attention       attention of the last decoder layer's outputs over the encoder states (their attentional
 *                        vectors feed the output), or null without attention
 * @param output          softmax over the target vocabulary
 */
public record Seq2SeqParts(String source, String targetIn, List<String> encoder, String finalStates, String bridge,
                           String targetEmbedding, String contextPerStep, String decoderInput, List<String> decoder,
                           String attention, String output) {

    public Seq2SeqParts {
        encoder = List.copyOf(encoder);
        decoder = List.copyOf(decoder);
    }

    /** The parts of the graph {@link Seq2SeqCompiler} builds for {@code spec}. */
    public static Seq2SeqParts of(Seq2SeqSpec spec) {
        List<String> encoder = new ArrayList<>();
        encoder.add("sourceEmbedding");
        List<String> decoder = new ArrayList<>();
        for (int i = 0; i < spec.rnn().layers(); i++) {
            encoder.add("encoder" + i);
            decoder.add("decoder" + i);
        }
        return new Seq2SeqParts("source", "targetIn", encoder, "finalStates", "bridge", "targetEmbedding",
                "contextPerStep", "decoderInput", decoder, spec.attention() == Attention.NONE ? null : "attention",
                "output");
    }

    /**
     * The parts of an encoder-decoder graph saved by rnnkit 0.1 (model format 1 before the decoder was shared):
     * the last encoder step fed the decoder directly, without a bridge. Such graphs still load and decode.
     */
    public static Seq2SeqParts legacy(Seq2SeqSpec spec) {
        Seq2SeqParts current = of(spec);
        return new Seq2SeqParts(current.source, current.targetIn, current.encoder, "thought", null,
                current.targetEmbedding, "thoughtPerStep", current.decoderInput, current.decoder, null, current.output);
    }

    /** The vertex the output layer reads: the attention, or the last decoder layer. */
    public String decoderOutput() {
        return attention != null ? attention : decoder.get(decoder.size() - 1);
    }

    /** The vertex whose output is the encoder states (the top encoder layer). */
    public String encoderStates() {
        return encoder.get(encoder.size() - 1);
    }

    /** Every vertex name except the inputs, for checking that a loaded graph has this layout. */
    public List<String> vertices() {
        List<String> all = new ArrayList<>(encoder);
        all.add(finalStates);
        if (bridge != null) {
            all.add(bridge);
        }
        all.addAll(List.of(targetEmbedding, contextPerStep, decoderInput));
        all.addAll(decoder);
        if (attention != null) {
            all.add(attention);
        }
        all.add(output);
        return all;
    }
}
