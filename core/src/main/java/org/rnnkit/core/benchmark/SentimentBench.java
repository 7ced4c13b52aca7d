package org.rnnkit.core.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.eval.Evaluator;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextDataSetIterator;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.TextSource;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/**
 * Sentiment of real sentences (rt-polarity, the UCI sentiment sentences, any labelled text {@link TextSource} reads):
 * accuracy on a held-out 20% (chosen by the run's seed; a source with its own test split tests on that) against the
 * majority class's share. Words are lower-cased, the vocabulary (words seen twice in the training part, at most
 * 4,000) is built from the training part only, and every model starts with the same embedding of
 * {@value #EMBEDDING} units, which the parameter budget leaves out. The length is the most tokens kept per text (the
 * first ones); batches are padded and masked. No threshold counts as solved: runs train to the iteration cap.
 */
public final class SentimentBench implements BenchTask {
    /** Units of the word embedding every cell starts with. */
    public static final int EMBEDDING = 16;
    private static final int MIN_FREQUENCY = 2;
    private static final int MAX_VOCABULARY = 4000;
    private static final double HELD_OUT = 0.2;
    private static final int HELD_OUT_BATCH = 250;

    private final Path data;

    /** Sentiment on {@code data}: a file or folder in any layout {@link TextSource#open} detects. */
    public SentimentBench(Path data) {
        this.data = data;
    }

    @Override
    public String name() {
        return "sentiment";
    }

    @Override
    public String description() {
        return "sentiment of " + data.getFileName() + " sentences: held-out accuracy (20% split by seed), majority "
                + "class as baseline, no solved threshold";
    }

    @Override
    public List<Integer> defaultLengths() {
        return List.of(40);
    }

    @Override
    public TaskInstance prepare(int length, long seed) {
        TextSource source = TextSource.open(data, null);
        HoldOut split = new HoldOut(HELD_OUT, seed);
        TextSource.Part trainingPart = source.trainingPart(split);
        TextCorpus train = trainingPart.corpus();
        TextCorpus test = source.evaluationPart(trainingPart.split(), false).corpus();
        Tokenizer tokenizer = Tokenizer.lowerCasing();
        Vocabulary vocabulary = Vocabulary.build(train.tokenize(tokenizer), MIN_FREQUENCY, MAX_VOCABULARY);
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, length, TextEncoder.Truncation.KEEP_START);
        int classes = train.classes().size();
        double majority = Arrays.stream(test.classCounts()).max().orElse(0) / (double) test.size();
        TaskSignature signature = new TaskSignature(InputSpec.tokens(vocabulary.size()), true,
                TaskSignature.Head.CLASSES, classes, EMBEDDING);
        return new TaskInstance() {
            @Override
            public TaskSignature signature() {
                return signature;
            }

            @Override
            public Metric metric() {
                return new Metric("accuracy", false, majority, Double.NaN);
            }

            /** One epoch over the training part, in an order drawn from the seed and the block. */
            @Override
            public DataSetIterator trainingBlock(int block, int batches, int batchSize) {
                return new TextDataSetIterator(train, encoder, BatchPlan.shuffled(batchSize, seed * 1_000_003L + block));
            }

            @Override
            public DataSetIterator heldOut() {
                return new TextDataSetIterator(test, encoder, BatchPlan.sequential(HELD_OUT_BATCH));
            }

            @Override
            public Evaluation evaluate(SequenceModel model) {
                EvaluationReport report = Evaluator.evaluate(model, heldOut());
                return new Evaluation(report.accuracy(), Map.of("macro F1", report.macroF1()));
            }
        };
    }
}
