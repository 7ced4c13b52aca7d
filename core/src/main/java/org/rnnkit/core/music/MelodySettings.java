package org.rnnkit.core.music;

import org.rnnkit.core.Rnn;
import org.rnnkit.core.Setting;
import org.rnnkit.core.builder.RecurrentOptions;
import org.rnnkit.core.builder.SequenceBuilder;
import org.rnnkit.core.spec.Cell;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.train.TrainingConfig;

import java.util.function.Consumer;

/**
 * Everything that decides how a {@link MelodyTrainer} trains a melody language model, declared once: the network
 * (embedding, stacked recurrent cell, dropout), how melodies become tokens (grid, common key), how the token stream
 * is cut for truncated back-propagation through time, which tunes are held out, and the training loop. Each
 * component's {@link Setting} says what it does; {@link #defaults()} gives every value. Immutable and validated.
 */
public record MelodySettings(
        @Setting("Recurrent cell: gru, lstm or simple_rnn.") Cell cell,
        @Setting("Stacked recurrent layers.") int layers,
        @Setting("Units per recurrent layer.") int hidden,
        @Setting("Size of the event vectors.") int embedding,
        @Setting("Dropout rate on the event vectors, between stacked layers and before the softmax; 0 for none.")
        double dropout,
        @Setting("Truncated-BPTT window in events: gradients flow back this far, the state is carried further.")
        int window,
        @Setting("Events per stream row in a batch: the state is carried across its windows.") int rowLength,
        @Setting("Stream rows per batch.") int batch,
        @Setting("Step size of Adam.") double learningRate,
        @Setting("After an epoch without a better validation loss, the learning rate is multiplied by this; 1 keeps "
                + "it.") double learningRateDecay,
        @Setting("Gradients are rescaled to at most this L2 norm (guards against exploding gradients); 0 for none.")
        double clipNorm,
        @Setting("Most passes over the training tunes; early stopping usually ends sooner.") int epochs,
        @Setting("Stop after this many epochs without a better validation loss; the best epoch's weights are kept.")
        int patience,
        @Setting("Grid steps per quarter note that MIDI files are quantised to (4: sixteenth notes).")
        int stepsPerQuarter,
        @Setting("Move every tune to C major or A minor before training (generation moves a primer there and back).")
        boolean commonKey,
        @Setting("Share of the tunes held out for testing (eval) and never trained on.") double testFraction,
        @Setting("Share of the other tunes held out for validation and early stopping.") double validationFraction,
        @Setting("Seed of weights, dropout, tune order and the held-out splits.") long seed) {

    /**
     * Defaults measured on the Nottingham folk tunes (see README): a 2-layer GRU of 256 units over 64-dimensional
     * event vectors with dropout 0.3 on the event vectors, between the layers and before the softmax, truncated
     * BPTT over windows of 64 events inside stream rows of 256, 16 rows per batch, Adam 3e-3 (halved after every
     * epoch without a better validation loss) with each layer's gradient clipped to norm 1, at most 16 epochs with
     * patience 3, sixteenth-note grid, tunes moved to a common key, 10% held out for testing and 10% of the rest for
     * validation.
     */
    public static MelodySettings defaults() {
        return new MelodySettings(Cell.GRU, 2, 256, 64, 0.3, 64, 256, 16, 3e-3, 0.5, 1.0, 16, 3, 4, true, 0.1, 0.1, 42);
    }

    /** Validates the values. */
    public MelodySettings {
        require(cell != null, "a recurrent cell is required");
        require(layers >= 1 && hidden >= 1 && embedding >= 1, "layers, hidden and embedding must be positive");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(window >= 1 && rowLength >= window, "need 1 <= window <= row length, got window " + window
                + " and row length " + rowLength);
        require(batch >= 1 && epochs >= 1 && patience >= 0, "batch and epochs must be positive, patience >= 0");
        require(learningRate > 0 && Double.isFinite(learningRate), "learning rate must be positive, got " + learningRate);
        require(learningRateDecay > 0 && learningRateDecay <= 1,
                "learning-rate decay must be in (0, 1], got " + learningRateDecay);
        require(clipNorm >= 0 && Double.isFinite(clipNorm), "clip norm must be >= 0, got " + clipNorm);
        require(stepsPerQuarter >= 1 && stepsPerQuarter <= 48, "steps per quarter must be 1..48, got " + stepsPerQuarter);
        require(testFraction > 0 && testFraction < 1, "test fraction must be in (0, 1), got " + testFraction);
        require(validationFraction > 0 && validationFraction < 1,
                "validation fraction must be in (0, 1), got " + validationFraction);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new SpecException(message);
        }
    }

    /** The network for a vocabulary of {@code vocabularySize} event tokens: next-event softmax at every step. */
    public ModelSpec modelSpec(int vocabularySize) {
        Consumer<RecurrentOptions> options = o -> o.layers(layers).dropout(dropout);
        // Dropout on every connection but the recurrent ones (Zaremba et al. 2014): in one run on the Nottingham
        // tunes, dropout between the layers only overfitted after 4 epochs.
        SequenceBuilder b = Rnn.sequence(InputSpec.tokens(vocabularySize)).embedding(embedding);
        if (dropout > 0) {
            b = b.dropout(dropout);
        }
        b = switch (cell) {
            case LSTM -> b.lstm(hidden, options);
            case GRU -> b.gru(hidden, options);
            case SIMPLE_RNN -> b.simpleRnn(hidden, options);
        };
        if (dropout > 0) {
            b = b.dropout(dropout);
        }
        Optimizer adam = Optimizer.adam(learningRate);
        return b.softmax(vocabularySize).optimizer(clipNorm > 0 ? adam.withClipNorm(clipNorm) : adam)
                .truncatedBptt(window).seed(seed).spec();
    }

    /** The training loop these settings ask for: at most {@link #epochs}, early stopping with {@link #patience}. */
    public TrainingConfig trainingConfig() {
        return TrainingConfig.epochs(epochs).withEarlyStopping(patience);
    }

    /** A short description, e.g. "GRU 256 x2, embedding 64, dropout 0.2, TBPTT 64 in rows of 512". */
    public String describeNetwork() {
        return cell + " " + hidden + " x" + layers + ", embedding " + embedding + ", dropout " + dropout + ", TBPTT "
                + window + " in rows of " + rowLength;
    }
}
