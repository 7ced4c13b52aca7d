package org.rnnkit.core.text;

import org.rnnkit.core.Rnn;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.PoolSpec;
import org.rnnkit.core.spec.SpecException;

import java.util.function.Consumer;

/**
 * Everything that decides how a {@link TextClassifierTrainer} trains: the network (embedding, recurrent cell,
 * pooling, dropout), how text is encoded (vocabulary limits, maximum length) and the training loop (epochs as
 * an upper bound for early stopping, batch, learning rate, seed, validation share). Immutable.
 *
 * @param cell               recurrent cell
 * @param bidirectional      read texts in both directions
 * @param layers             stacked recurrent layers
 * @param hidden             units per recurrent layer and direction
 * @param embedding          size of the token vectors
 * @param dropout            dropout on the pooled features (and between stacked layers); 0 for none
 * @param pooling            how the steps' outputs are reduced to one vector; null keeps the last real step
 * @param maxLength          tokens kept per text; 0 picks it from the data ({@link #LENGTH_PERCENTILE})
 * @param minFrequency       a token needs this many occurrences in the training texts to enter the vocabulary
 * @param maxVocabulary      most vocabulary entries, reserved ones included
 * @param epochs             most passes over the data; early stopping usually ends training sooner
 * @param batch              texts per batch
 * @param learningRate       Adam's step size
 * @param patience           stop after this many epochs without a better validation loss
 * @param validationFraction share of the training texts held out for validation and early stopping
 * @param seed               seed of weights, dropout, batch order and the validation split
 */
public record TextClassifierSettings(Cell cell, boolean bidirectional, int layers, int hidden, int embedding,
                                     double dropout, PoolSpec.Pooling pooling, int maxLength, int minFrequency,
                                     int maxVocabulary, int epochs, int batch, double learningRate, int patience,
                                     double validationFraction, long seed) {

    /** Percentile of training text lengths (in tokens) used as the maximum length when it is not given. */
    public static final double LENGTH_PERCENTILE = 0.95;
    /** Upper bound on a maximum length picked from the data: longer sequences cost time for little gain. */
    public static final int MAX_AUTO_LENGTH = 400;

    /** Default cell: see {@link #defaults()}. */
    public static final Cell DEFAULT_CELL = Cell.GRU;
    /** Default units per recurrent layer and direction. */
    public static final int DEFAULT_HIDDEN = 64;
    /** Default token vector size. */
    public static final int DEFAULT_EMBEDDING = 128;
    /** Default number of stacked recurrent layers. */
    public static final int DEFAULT_LAYERS = 1;
    /** Default dropout rate. */
    public static final double DEFAULT_DROPOUT = 0.3;
    /** Default minimum token count for the vocabulary. */
    public static final int DEFAULT_MIN_FREQUENCY = 2;
    /** Default vocabulary cap. */
    public static final int DEFAULT_MAX_VOCABULARY = 20_000;
    /** Default share of training texts used for validation. */
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;

    /**
     * Defaults that suit real review data (measured on rt-polarity, an aclImdb subset and the UCI sentences): a
     * bidirectional GRU of 64 units over 128-dimensional embeddings, max pooling over the real steps, dropout 0.3
     * on the pooled features, Adam 2e-3, batches of 32, early stopping with patience 2 within at most 20 epochs, and
     * vocabulary and maximum length taken from the training texts. In single runs on the UCI sentences, max
     * pooling scored above the last step and averaging, and 128-dimensional embeddings above 64.
     */
    public static TextClassifierSettings defaults() {
        return new TextClassifierSettings(DEFAULT_CELL, true, DEFAULT_LAYERS, DEFAULT_HIDDEN, DEFAULT_EMBEDDING,
                DEFAULT_DROPOUT, PoolSpec.Pooling.MAX, 0, DEFAULT_MIN_FREQUENCY, DEFAULT_MAX_VOCABULARY, 20, 32,
                2e-3, 2, DEFAULT_VALIDATION_FRACTION, 42);
    }

    /** Validates the values. */
    public TextClassifierSettings {
        require(cell != null, "a recurrent cell is required");
        require(layers >= 1 && hidden >= 1 && embedding >= 1, "layers, hidden and embedding must be positive");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(maxLength >= 0, "max length must be >= 0 (0: from the data), got " + maxLength);
        require(minFrequency >= 1 && maxVocabulary >= 5, "min frequency must be >= 1 and max vocabulary >= 5");
        require(epochs >= 1 && batch >= 1 && patience >= 0, "epochs and batch must be positive, patience >= 0");
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got " + learningRate);
        require(validationFraction > 0 && validationFraction < 1, "validation fraction must be in (0, 1)");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new SpecException(message);
        }
    }

    /** The declaration of the network for a vocabulary of {@code vocabularySize} and {@code classes} classes. */
    public ModelSpec modelSpec(int vocabularySize, int classes) {
        Consumer<org.rnnkit.core.builder.RecurrentOptions> options = o -> {
            o.layers(layers).dropout(dropout);
            if (bidirectional) {
                o.bidirectional();
            }
        };
        SequenceBuilder b = Rnn.sequence(InputSpec.tokens(vocabularySize)).embedding(embedding);
        b = switch (cell) {
            case LSTM -> b.lstm(hidden, options);
            case GRU -> b.gru(hidden, options);
            case SIMPLE_RNN -> b.simpleRnn(hidden, options);
        };
        b = pooling == null ? b.lastStep() : b.pool(pooling);
        if (dropout > 0) {
            b = b.dropout(dropout);
        }
        return b.softmax(classes).optimizer(Optimizer.adam(learningRate)).seed(seed).spec();
    }

    /** A short description for logs and metrics, e.g. "bidirectional LSTM 64 x1, embedding 64, MAX pooling". */
    public String describeNetwork() {
        return (bidirectional ? "bidirectional " : "") + cell + " " + hidden + " x" + layers + ", embedding "
                + embedding + ", " + (pooling == null ? "last step" : pooling + " pooling") + ", dropout " + dropout;
    }
}
