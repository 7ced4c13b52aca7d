package com.example.vowels;

import java.io.IOException;
import java.nio.file.Path;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.PoolSpec.Pooling;
import org.rnnkit.core.task.Classification;
import org.rnnkit.core.task.SequenceClassifier;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceNormalizer;
import org.rnnkit.datasets.csv.TsReader;

/**
 * What a downstream Java project writes to classify speakers from the UEA Japanese Vowels recordings (12 LPC
 * coefficients per step, 7-29 steps): declare, train with early stopping, evaluate, save, load, predict. It uses
 * rnnkit's public API only, with no ND4J or DL4J type; README.md shows the marked block verbatim.
 */
public final class JapaneseVowelsExample {

    private JapaneseVowelsExample() {
    }

    /** What the example measured and predicted. */
    public record Outcome(EvaluationReport report, Classification first, Classification firstAfterLoading) {
    }

    /** Runs the example on the {@code .ts} files in {@code data}, writing its model into {@code dir}. */
    public static Outcome run(Path data, Path dir) throws IOException {
        // README: downstream
        SequenceDataset train = TsReader.read(data.resolve("JapaneseVowels_TRAIN.ts"));
        SequenceDataset test = TsReader.read(data.resolve("JapaneseVowels_TEST.ts"));
        SequenceDataset.Split split = train.split(0.85, 0.15, 42);        // a validation part for early stopping
        SequenceNormalizer normalizer = SequenceNormalizer.fit(SequenceNormalizer.Kind.STANDARDIZE, split.train());

        SequenceModel model = Rnn.sequence(InputSpec.features(train.numFeatures()))
                .gru(64, o -> o.bidirectional())
                .pool(Pooling.MAX)
                .softmax(train.numOutcomes())
                .build();
        SequenceClassifier classifier = SequenceClassifier.of(model, normalizer, train.classes().orElseThrow());
        classifier.fit(new Trainer(TrainingConfig.epochs(40).withEarlyStopping(5)),
                split.train(), split.validation(), BatchPlan.shuffled(32, 42));

        EvaluationReport report = classifier.evaluate(test);            // raw data: the pipeline normalises
        System.out.print(report.toText());
        classifier.save(dir.resolve("vowels.zip"));                     // model, normaliser and labels

        SequenceClassifier loaded = SequenceClassifier.load(dir.resolve("vowels.zip"));
        float[][] utterance = test.examples().get(0).features();       // [step][coefficient], any length
        Classification speaker = loaded.predict(utterance);
        System.out.println("speaker " + speaker.label() + " (p = " + speaker.probability() + ")");
        // END README
        return new Outcome(report, classifier.predict(utterance), speaker);
    }
}
