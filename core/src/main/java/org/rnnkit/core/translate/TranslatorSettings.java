package org.rnnkit.core.translate;

import java.util.function.Consumer;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.Setting;
import org.rnnkit.core.builder.RecurrentOptions;
import org.rnnkit.core.builder.Seq2SeqBuilder;
import org.rnnkit.core.spec.Attention;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.Seq2SeqSpec;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.train.TrainingConfig;

/**
 * Everything that decides how a {@link TranslatorTrainer} trains a translator, declared once: the network (cell,
 * sizes, attention), how text is read (vocabulary limits, maximum length), which data is held out (test and
 * validation shares, grouped by source sentence) and the training loop. Each component's {@link Setting} says what
 * it does; {@link #defaults()} gives every value. Immutable and validated.
 */
public record TranslatorSettings(
        @Setting("Recurrent cell of encoder and decoder: gru, lstm or simple_rnn.") Cell cell,
        @Setting("Attention over the encoder states: luong (general score), bahdanau (additive), dot (needs "
                + "--no-bidirectional) or none.") Attention attention,
        @Setting("Read sources in both directions (the decoder reads one).") boolean bidirectional,
        @Setting("Stacked recurrent layers in encoder and decoder.") int layers,
        @Setting("Units per recurrent layer (and direction), and of the attentional vector.") int hidden,
        @Setting("Size of the token vectors, source and target.") int embedding,
        @Setting("Dropout rate between stacked layers; 0 for none.") double dropout,
        @Setting("Most tokens read per sentence (longer ones are cut).") int maxLength,
        @Setting("Occurrences a token needs in the training sentences to enter its vocabulary.") int minFrequency,
        @Setting("Most entries per vocabulary, the 4 reserved ones included.") int maxVocabulary,
        @Setting("Share of source sentences held out for testing (all pairs of a source on one side).")
        double testFraction,
        @Setting("Share of the training source sentences held out for validation and early stopping.")
        double validationFraction,
        @Setting("Most passes over the training pairs; early stopping usually ends sooner.") int epochs,
        @Setting("Pairs per batch (batches hold sources of similar length).") int batch,
        @Setting("Step size of Adam.") double learningRate,
        @Setting("Rescale each layer's gradient to at most this L2 norm; 0 for none.") double clipNorm,
        @Setting("Stop after this many epochs without a better validation loss; the best epoch's weights are kept.")
        int patience,
        @Setting("Seed of weights, dropout, batch order and data splits.") long seed) {

    /**
     * The conventional recipe the quality floors were set with (embedding 256, bidirectional GRU 256 encoder, GRU
     * 256 decoder, Adam 1e-3 with clipping at 1.0, batches of 64) with Bahdanau's additive attention, which beat
     * Luong's general score on anki-fra-eng (README, Translation demo); at most 20 epochs with
     * early stopping (patience 2); tokens seen at least twice; 10% of the source sentences held out for testing and
     * 10% of the rest for validation.
     */
    public static TranslatorSettings defaults() {
        return new TranslatorSettings(Cell.GRU, Attention.BAHDANAU, true, 1, 256, 256, 0.0, 50, 2, 30_000, 0.1, 0.1,
                20, 64, 1e-3, 1.0, 2, 42);
    }

    /** Validates the values. */
    public TranslatorSettings {
        require(cell != null && attention != null, "a recurrent cell and an attention (or none) are required");
        require(layers >= 1 && hidden >= 1 && embedding >= 1, "layers, hidden and embedding must be positive");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(maxLength >= 1, "max length must be positive, got " + maxLength);
        require(minFrequency >= 1 && maxVocabulary >= 5, "min frequency must be >= 1 and max vocabulary >= 5");
        require(epochs >= 1 && batch >= 1 && patience >= 0, "epochs and batch must be positive, patience >= 0");
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got "
                + learningRate);
        require(clipNorm >= 0 && Double.isFinite(clipNorm), "clip norm must be >= 0, got " + clipNorm);
        require(testFraction > 0 && testFraction < 1, "test fraction must be in (0, 1), got " + testFraction);
        require(validationFraction > 0 && validationFraction < 1,
                "validation fraction must be in (0, 1), got " + validationFraction);
        require(attention != Attention.DOT || !bidirectional,
                "dot attention needs encoder states of the decoder's size: add --no-bidirectional or use luong");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new SpecException(message);
        }
    }

    /** The declaration of the encoder-decoder for vocabularies of the given sizes. */
    public Seq2SeqSpec modelSpec(int sourceVocabulary, int targetVocabulary) {
        Consumer<RecurrentOptions> options = o -> {
            o.layers(layers).dropout(dropout);
            if (bidirectional) {
                o.bidirectional();
            }
        };
        Seq2SeqBuilder b = Rnn.encoderDecoder(sourceVocabulary, targetVocabulary).embedding(embedding);
        b = switch (cell) {
            case LSTM -> b.lstm(hidden, options);
            case GRU -> b.gru(hidden, options);
            case SIMPLE_RNN -> b.simpleRnn(hidden, options);
        };
        Optimizer adam = Optimizer.adam(learningRate);
        return b.attention(attention).optimizer(clipNorm > 0 ? adam.withClipNorm(clipNorm) : adam).seed(seed).spec();
    }

    /** The training loop these settings ask for: at most {@link #epochs}, early stopping with {@link #patience}. */
    public TrainingConfig trainingConfig() {
        return TrainingConfig.epochs(epochs).withEarlyStopping(patience);
    }

    /** For logs and metrics, e.g. "bidirectional GRU 256 x1 encoder, GRU decoder, embedding 256, LUONG attention". */
    public String describeNetwork() {
        return (bidirectional ? "bidirectional " : "") + cell + " " + hidden + " x" + layers + " encoder, " + cell
                + " decoder, embedding " + embedding + ", " + (attention == Attention.NONE ? "no" : attention)
                + " attention, dropout " + dropout;
    }
}
