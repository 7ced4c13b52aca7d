package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Merge;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.train.TrainingConfig;

/** Impossible declarations fail early, with a message that names the problem, never a DL4J stack trace. */
class ValidationTest {

    private static void fails(String expected, Executable declaration) {
        SpecException e = assertThrows(SpecException.class, declaration);
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }

    @Test
    void sizesMustBePositive() {
        fails("positive number of units, got 0", () -> Rnn.sequence(InputSpec.features(3)).lstm(0));
        fails("at least one layer", () -> Rnn.sequence(InputSpec.features(3)).gru(8, o -> o.layers(0)));
        fails("input size must be positive", () -> InputSpec.tokens(0));
        fails("dropout must be in [0, 1)", () -> Rnn.sequence(InputSpec.features(3)).lstm(8, o -> o.dropout(1.5)));
    }

    @Test
    void shapesMustFit() {
        fails("must end with an output layer", () -> Rnn.sequence(InputSpec.features(3)).lstm(8).build());
        fails("followed by embedding", () -> Rnn.sequence(InputSpec.tokens(100)).lstm(8).softmax(2).build());
        fails("needs token input", () -> Rnn.sequence(InputSpec.features(3)).embedding(8).lstm(8).softmax(2).build());
        fails("already reduced it to a vector",
                () -> Rnn.sequence(InputSpec.features(3)).lstm(8).lastStep().lstm(8).softmax(2).build());
        fails("lastStep() must directly follow a recurrent layer",
                () -> Rnn.sequence(InputSpec.features(3)).lstm(8).dense(4).lastStep().softmax(2).build());
        fails("output layer must be last",
                () -> Rnn.sequence(InputSpec.features(3)).lstm(8).softmax(2).lstm(3).softmax(2).build());
        fails("at least one recurrent layer", () -> Rnn.sequence(InputSpec.features(3)).dense(4).softmax(2).build());
        fails("two dropout or noise layers in a row",
                () -> Rnn.sequence(InputSpec.features(3)).dropout(0.1).dropout(0.2).lstm(4).softmax(2).build());
        fails("softmax over 1 class", () -> Rnn.sequence(InputSpec.features(3)).lstm(4).softmax(1));
    }

    @Test
    void bidirectionalCannotUseTruncatedBpttOrGenerate() {
        fails("truncated BPTT cannot be combined with a bidirectional layer",
                () -> Rnn.sequence(InputSpec.features(3)).lstm(8, o -> o.bidirectional(Merge.ADD)).softmax(3)
                        .truncatedBptt(10).build());
        SequenceModel bi = Rnn.sequence(InputSpec.features(3)).lstm(4, o -> o.bidirectional()).softmax(3).build();
        fails("bidirectional model cannot generate", bi::stepper);
        fails("merge CONCAT, got ADD",
                () -> Rnn.encoderDecoder(5, 5).lstm(8, o -> o.bidirectional(Merge.ADD)).build());
    }

    @Test
    void generationNeedsAStepwiseNextTokenHead() {
        fails("reduces each sequence to one output",
                () -> Rnn.sequence(InputSpec.features(3)).lstm(4).lastStep().softmax(3).build().stepper());
        fails("must equal the input size",
                () -> Rnn.sequence(InputSpec.features(3)).lstm(4).softmax(5).build().stepper());
        fails("softmax output", () -> Rnn.sequence(InputSpec.features(3)).lstm(4).regression(3).build().stepper());
        fails("truncated BPTT needs an output at every step",
                () -> Rnn.sequence(InputSpec.features(3)).lstm(4).lastStep().softmax(3).truncatedBptt(5).build());
    }

    @Test
    void optionsAreChecked() {
        fails("layer normalisation is supported for SIMPLE_RNN only",
                () -> Rnn.sequence(InputSpec.features(3)).lstm(4, o -> o.layerNorm()));
        fails("learning rate must be positive", () -> Optimizer.adam(-1));
        fails("not both", () -> new Optimizer("adam", 0.1, 0, 1, 1));
        fails("epochs must be positive", () -> TrainingConfig.epochs(0));
        fails("resume needs a checkpoint directory", () -> TrainingConfig.epochs(2).withResume(true));
        fails("vocabularies need more than 4 entries, got source 4 and target 5",
                () -> Rnn.encoderDecoder(4, 5).lstm(4).build());
    }
}
