package org.rnnkit.core.builder;

import java.util.function.Consumer;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.spec.Attention;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.RecurrentSpec;
import org.rnnkit.core.spec.Seq2SeqSpec;

/**
 * Declares an encoder-decoder (sequence-to-sequence) model:
 * <pre>{@code
 * Seq2SeqModel model = Rnn.encoderDecoder(sourceVocab, targetVocab).embedding(64).lstm(128).build();
 * }</pre>
 * A bidirectional recurrent option ({@code o -> o.bidirectional()}) makes the encoder bidirectional; the decoder
 * always reads one direction.
 */
public final class Seq2SeqBuilder {
    private final int sourceVocabulary;
    private final int targetVocabulary;
    private int embedding = 64;
    private RecurrentSpec rnn;
    private Optimizer optimizer = Optimizer.adam(1e-3);
    private long seed = 42;
    private Attention attention = Attention.NONE;

    public Seq2SeqBuilder(int sourceVocabulary, int targetVocabulary) {
        this.sourceVocabulary = sourceVocabulary;
        this.targetVocabulary = targetVocabulary;
    }

    /** Embedding size for source and target tokens (default 64). */
    public Seq2SeqBuilder embedding(int units) {
        this.embedding = units;
        return this;
    }

    public Seq2SeqBuilder lstm(int units) {
        return lstm(units, o -> { });
    }

    public Seq2SeqBuilder lstm(int units, Consumer<RecurrentOptions> options) {
        return recurrent(Cell.LSTM, units, options);
    }

    public Seq2SeqBuilder gru(int units) {
        return gru(units, o -> { });
    }

    public Seq2SeqBuilder gru(int units, Consumer<RecurrentOptions> options) {
        return recurrent(Cell.GRU, units, options);
    }

    public Seq2SeqBuilder simpleRnn(int units) {
        return simpleRnn(units, o -> { });
    }

    public Seq2SeqBuilder simpleRnn(int units, Consumer<RecurrentOptions> options) {
        return recurrent(Cell.SIMPLE_RNN, units, options);
    }

    public Seq2SeqBuilder optimizer(Optimizer value) {
        this.optimizer = value;
        return this;
    }

    public Seq2SeqBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /**
     * Attention over the encoder states ({@link Attention#LUONG}, {@link Attention#BAHDANAU}, {@link Attention#DOT});
     * default {@link Attention#NONE}.
     */
    public Seq2SeqBuilder attention(Attention value) {
        this.attention = value;
        return this;
    }

    /** The validated, immutable declaration. */
    public Seq2SeqSpec spec() {
        return new Seq2SeqSpec(sourceVocabulary, targetVocabulary, embedding, rnn, optimizer, seed, attention);
    }

    public Seq2SeqModel build() {
        return Seq2SeqModel.create(spec());
    }

    private Seq2SeqBuilder recurrent(Cell cell, int units, Consumer<RecurrentOptions> options) {
        RecurrentOptions o = new RecurrentOptions(cell, units);
        options.accept(o);
        this.rnn = o.toSpec();
        return this;
    }
}
