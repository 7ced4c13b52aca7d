package org.rnnkit.core.generate;

import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.OutputSpec;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.core.spec.SpecException;

/**
 * One-to-many generation: primes a trained next-token model with a few tokens, then feeds each
 * sampled token back in, one step at a time, using the network's stored recurrent state
 * ({@code rnnTimeStep}). Works for token input (with embedding) and for one-hot feature input.
 */
public final class Generator {
    private final MultiLayerNetwork network;
    private final InputSpec input;
    private final int vocabulary;

    /** Checks that {@code model} can step and predicts a distribution over its own input tokens. */
    public Generator(SequenceModel model) {
        ModelSpec spec = model.spec();
        SpecException.require(spec.outputShape() == Shape.SEQUENCE,
                "generation needs an output at every step; this model reduces each sequence to one output (lastStep/pool)");
        SpecException.require(!spec.hasBidirectional(),
                "a bidirectional model cannot generate step by step: its backward direction needs the future");
        SpecException.require(spec.output().kind() == OutputSpec.Kind.SOFTMAX,
                "generation needs a softmax output over the tokens, got %s", spec.output().kind());
        SpecException.require(spec.output().units() == spec.input().size(),
                "generation feeds outputs back as inputs, so the output size (%d) must equal the input size (%d)",
                spec.output().units(), spec.input().size());
        this.network = model.network();
        this.input = spec.input();
        this.vocabulary = spec.input().size();
    }

    /**
     * Returns {@code length} new tokens following {@code primer} (not included). The network's
     * stored state is cleared before and after, so calls are independent and repeatable for a seed.
     */
    public int[] generate(int[] primer, int length, Sampling sampling, long seed) {
        SpecException.require(primer.length > 0, "generation needs at least one primer token");
        SpecException.require(length >= 0, "length must be >= 0, got %d", length);
        for (int token : primer) {
            SpecException.require(token >= 0 && token < vocabulary, "primer token %d outside vocabulary [0, %d)", token, vocabulary);
        }
        Random random = new Random(seed);
        int[] out = new int[length];
        network.rnnClearPreviousState();
        try {
            INDArray probabilities = network.rnnTimeStep(encode(primer));
            for (int i = 0; i < length; i++) {
                long last = probabilities.size(2) - 1;
                double[] p = probabilities.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(last))
                        .toDoubleVector();
                out[i] = sampling.pick(p, random);
                if (i + 1 < length) {
                    probabilities = network.rnnTimeStep(encode(new int[] {out[i]}));
                }
            }
        } finally {
            network.rnnClearPreviousState();
        }
        return out;
    }

    private INDArray encode(int[] tokens) {
        if (input.kind() == InputSpec.Kind.TOKENS) {
            INDArray x = Nd4j.create(network.getLayerWiseConfigurations().getDataType(), 1, 1, tokens.length);
            for (int t = 0; t < tokens.length; t++) {
                x.putScalar(new long[] {0, 0, t}, tokens[t]);
            }
            return x;
        }
        INDArray x = Nd4j.zeros(network.getLayerWiseConfigurations().getDataType(), 1, vocabulary, tokens.length);
        for (int t = 0; t < tokens.length; t++) {
            x.putScalar(new long[] {0, tokens[t], t}, 1.0);
        }
        return x;
    }
}
