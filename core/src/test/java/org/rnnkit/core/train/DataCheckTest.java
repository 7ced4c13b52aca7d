package org.rnnkit.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.tasks.ControlChartGenerator;

/** Data that cannot fit the model is refused before the first batch, naming both sides. */
class DataCheckTest {
    private final SequenceDataset sixClasses = ControlChartGenerator.generate(3, 12, 1); // 1 feature, 6 classes

    @Test
    void tooFewOutputUnitsNameBothCounts() {
        SequenceModel model = Rnn.sequence(InputSpec.features(1)).lstm(4).lastStep().softmax(5).build();
        SpecException e = assertThrows(SpecException.class, () -> new Trainer(TrainingConfig.epochs(1))
                .fit(model, sixClasses.iterator(BatchPlan.shuffled(4, 1)), null));
        assertEquals("training data has 6 label columns (totalOutcomes() of SequenceDataSetIterator), but the "
                + "model's output is softmax(5): declare softmax(6) or check the labels", e.getMessage());
        assertTrue(model.iterationCount() == 0, "refused before any update");
    }

    @Test
    void wrongFeatureCountAndBadValidationDataAreNamed() {
        SequenceModel wide = Rnn.sequence(InputSpec.features(3)).lstm(4).lastStep().softmax(6).build();
        SpecException features = assertThrows(SpecException.class, () -> new Trainer(TrainingConfig.epochs(1))
                .fit(wide, sixClasses.iterator(BatchPlan.sequential(4)), null));
        assertTrue(features.getMessage().contains("1 features per step")
                && features.getMessage().contains("features(3)"), features.getMessage());

        SequenceModel model = Rnn.sequence(InputSpec.features(1)).lstm(4).lastStep().softmax(6).build();
        SequenceDataset twoClasses = new SequenceDataset("two", ControlChartGenerator.generate(1, 12, 2).examples()
                .stream().map(x -> new org.rnnkit.datasets.SequenceExample(x.features(), new float[][] {{1, 0}}))
                .toList(), true, null);
        SpecException validation = assertThrows(SpecException.class, () -> new Trainer(TrainingConfig.epochs(1))
                .fit(model, sixClasses.iterator(BatchPlan.sequential(4)), twoClasses.iterator(BatchPlan.sequential(4))));
        assertTrue(validation.getMessage().startsWith("validation data has 2 label columns"), validation.getMessage());
    }
}
