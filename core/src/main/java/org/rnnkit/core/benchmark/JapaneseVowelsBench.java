package org.rnnkit.core.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.eval.Evaluator;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceNormalizer;
import org.rnnkit.datasets.csv.TsReader;

/**
 * A real multivariate, variable-length classification: UEA's Japanese vowels (9 speakers, 12 LPC cepstrum
 * coefficients per frame, 7–29 frames; UEA's training and test files, {@code .ts}). Accuracy on the
 * test file against the majority class's share; solved at 0.95. Features are standardised on the training file;
 * batches are padded and masked, so the length here is the data's longest utterance.
 */
public final class JapaneseVowelsBench implements BenchTask {
    private final Path folder;

    /** The task on {@code folder}, which holds {@code JapaneseVowels_TRAIN.ts} and {@code JapaneseVowels_TEST.ts}. */
    public JapaneseVowelsBench(Path folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return "vowels";
    }

    @Override
    public String description() {
        return "Japanese vowels (UEA .ts): 9 speakers from 12-coefficient frames, 7-29 frames; test accuracy, "
                + "majority class as baseline, solved >= 0.95";
    }

    @Override
    public List<Integer> defaultLengths() {
        return List.of(29);
    }

    @Override
    public TaskInstance prepare(int length, long seed) {
        SequenceDataset train = TsReader.read(folder.resolve("JapaneseVowels_TRAIN.ts"));
        SequenceDataset test = TsReader.read(folder.resolve("JapaneseVowels_TEST.ts"));
        if (!train.classes().equals(test.classes())) {
            throw new IllegalArgumentException(folder + ": the test file's classes " + test.classes()
                    + " differ from the training file's " + train.classes());
        }
        if (train.lengthRange()[1] != length && test.lengthRange()[1] != length) {
            throw new IllegalArgumentException(folder + " holds utterances of " + train.lengthRange()[0] + "-"
                    + Math.max(train.lengthRange()[1], test.lengthRange()[1]) + " frames; run it at --lengths "
                    + Math.max(train.lengthRange()[1], test.lengthRange()[1]));
        }
        SequenceNormalizer normalizer = SequenceNormalizer.fit(SequenceNormalizer.Kind.STANDARDIZE, train);
        int classes = train.numOutcomes();
        double majority = Arrays.stream(test.classCounts()).max().orElse(0) / (double) test.size();
        TaskSignature signature = new TaskSignature(InputSpec.features(train.numFeatures()), true,
                TaskSignature.Head.CLASSES, classes);
        return new DatasetInstance(null, normalizer.apply(train), normalizer.apply(test), seed) {
            @Override
            public TaskSignature signature() {
                return signature;
            }

            @Override
            public Metric metric() {
                return new Metric("accuracy", false, majority, 0.95);
            }

            @Override
            public Evaluation evaluate(SequenceModel model) {
                EvaluationReport report = Evaluator.evaluate(model, heldOut());
                return new Evaluation(report.accuracy(), Map.of("macro F1", report.macroF1()));
            }
        };
    }
}
