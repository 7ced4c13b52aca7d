package org.rnnkit.core.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.Evaluator;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.chars.CharCorpus;

/**
 * A character-level language model on a text file (tinyshakespeare, say): next-character prediction over windows
 * of T characters, one-hot in and out, scored in bits per character on the last 10% of the text, which training
 * never reads. The baseline is the memoryless predictor, the entropy of the training part's character frequencies.
 * Bidirectional cells are left out: reading backwards would see the characters to predict.
 */
public final class CharLanguageModelBench implements BenchTask {
    private static final double HELD_OUT_SHARE = 0.1;
    private static final int HELD_OUT_WINDOWS = 200;
    private static final int HELD_OUT_BATCH = 50;

    private final Path file;
    private int[] text;
    private int vocabulary;

    /** The language model on {@code file} (UTF-8 text). */
    public CharLanguageModelBench(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "char-lm";
    }

    @Override
    public String description() {
        return "character language model on " + file.getFileName() + ": bits per character on the last 10% of the "
                + "text; the memoryless baseline is the entropy of the character frequencies";
    }

    @Override
    public List<Integer> defaultLengths() {
        return List.of(50, 100);
    }

    @Override
    public boolean allowsBidirectional() {
        return false;
    }

    /** Reads the text once per task object (the corpus is streamed and then held as character indices). */
    private synchronized void load() throws java.io.IOException {
        if (text == null) {
            try (CharCorpus corpus = CharCorpus.open(file)) {
                if (corpus.length() > Integer.MAX_VALUE - 1) {
                    throw new IllegalArgumentException(file + " is too long for the benchmark (" + corpus.length()
                            + " characters)");
                }
                text = corpus.read(0, (int) corpus.length());
                vocabulary = corpus.vocabulary().size();
            }
        }
    }

    @Override
    public TaskInstance prepare(int length, long seed) throws java.io.IOException {
        load();
        int split = (int) (text.length * (1 - HELD_OUT_SHARE));
        if (split < length + 1 || text.length - split < length + 1) {
            throw new IllegalArgumentException(file + " holds " + text.length + " characters, too few for windows of "
                    + length + " in both its training and its held-out part");
        }
        List<int[]> heldOutWindows = new ArrayList<>();
        for (int start = split; start + length + 1 <= text.length && heldOutWindows.size() < HELD_OUT_WINDOWS;
             start += length) {
            heldOutWindows.add(Arrays.copyOfRange(text, start, start + length + 1));
        }
        double entropy = unigramEntropyBits(split);
        TaskSignature signature = new TaskSignature(InputSpec.features(vocabulary), false,
                TaskSignature.Head.CLASSES, vocabulary);
        return new TaskInstance() {
            @Override
            public TaskSignature signature() {
                return signature;
            }

            @Override
            public Metric metric() {
                return new Metric("bits/char", true, entropy, Double.NaN);
            }

            @Override
            public DataSetIterator trainingBlock(int block, int batches, int batchSize) {
                Random random = new Random(DatasetInstance.blockSeed(seed, block));
                List<DataSet> out = new ArrayList<>();
                for (int b = 0; b < batches; b++) {
                    List<int[]> windows = new ArrayList<>();
                    for (int i = 0; i < batchSize; i++) {
                        int start = random.nextInt(split - length - 1);
                        windows.add(Arrays.copyOfRange(text, start, start + length + 1));
                    }
                    out.add(batch(windows));
                }
                return new ExistingDataSetIterator(out);
            }

            @Override
            public DataSetIterator heldOut() {
                List<DataSet> out = new ArrayList<>();
                for (int i = 0; i < heldOutWindows.size(); i += HELD_OUT_BATCH) {
                    out.add(batch(heldOutWindows.subList(i, Math.min(heldOutWindows.size(), i + HELD_OUT_BATCH))));
                }
                return new ExistingDataSetIterator(out);
            }

            @Override
            public Evaluation evaluate(SequenceModel model) {
                double bits = Evaluator.languageModel(model, heldOut()).bitsPerToken();
                return new Evaluation(bits, Map.of());
            }
        };
    }

    private DataSet batch(List<int[]> windows) {
        return SequenceBatcher.nextToken(windows, vocabulary, TokenEncoding.ONE_HOT, TokenEncoding.ONE_HOT);
    }

    private double unigramEntropyBits(int end) {
        long[] counts = new long[vocabulary];
        for (int i = 0; i < end; i++) {
            counts[text[i]]++;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / end;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }
}
