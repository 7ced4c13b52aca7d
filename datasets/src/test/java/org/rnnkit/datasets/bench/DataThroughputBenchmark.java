package org.rnnkit.datasets.bench;

import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SharedData;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyCodec;
import org.rnnkit.datasets.music.MidiMelodyReader;
import org.rnnkit.datasets.music.MidiMelodyWriter;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextCorpusReader;
import org.rnnkit.datasets.text.TextDataSetIterator;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Throughput of (1) text tokenisation + vocabulary encoding + bucketed batching into DL4J arrays, on
 * imdb-subset (generated text when absent), and (2) MIDI parsing + melody extraction + tokenisation, on the
 * Nottingham MIDI files (generated MIDI when absent). Reports sequences/s and MB/s (of input bytes), the best of
 * several timed rounds after two warm-up rounds. Run from the repository root:
 * <pre>
 * mvn -o -q -B -pl datasets -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp datasets/target/test-classes:datasets/target/classes:$(cat datasets/target/test.classpath) \
 *     org.rnnkit.datasets.bench.DataThroughputBenchmark
 * </pre>
 */
public final class DataThroughputBenchmark {

    private static final int ROUNDS = 5;

    private DataThroughputBenchmark() {
    }

    /** Runs both benchmarks and prints one line each. */
    public static void main(String[] args) throws Exception {
        text();
        midi();
    }

    private static void text() throws IOException {
        Path root = SharedData.root();
        TextCorpus corpus;
        String source;
        if (root != null && Files.isDirectory(root.resolve("imdb-subset"))) {
            Path imdb = root.resolve("imdb-subset");
            corpus = TextCorpusReader.readFolders(imdb.resolve("train"), null)
                    .concat(TextCorpusReader.readFolders(imdb.resolve("test"), LabelSet.of("neg", "pos")));
            source = "imdb-subset";
        } else {
            corpus = generatedText(3_000, 230);
            source = "generated text";
        }
        long bytes = corpus.texts().stream().mapToLong(t -> t.text().getBytes(StandardCharsets.UTF_8).length).sum();
        Tokenizer tok = Tokenizer.lowerCasing();
        Vocabulary vocab = Vocabulary.build(corpus.tokenize(tok), 2, 20_000);
        TextEncoder encoder = new TextEncoder(tok, vocab, 400, TextEncoder.Truncation.KEEP_START);
        double best = Double.MAX_VALUE;
        long tokens = 0;
        for (int round = 0; round < ROUNDS + 2; round++) {
            long start = System.nanoTime();
            TextDataSetIterator it = new TextDataSetIterator(corpus, encoder, BatchPlan.bucketed(32, round));
            long steps = 0;
            while (it.hasNext()) {
                DataSet b = it.next();
                steps += b.getFeaturesMaskArray().sumNumber().longValue();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            tokens = steps;
            if (round >= 2) {
                best = Math.min(best, seconds);
            }
        }
        System.out.printf("text  [%s]: %d texts, %.2f MB, %d tokens kept (max 400/text), vocabulary %d:"
                        + " tokenise+encode+batch(32, bucketed) best of %d: %.3f s = %.0f sequences/s, %.2f MB/s%n",
                source, corpus.size(), bytes / 1e6, tokens, vocab.size(), ROUNDS, best, corpus.size() / best,
                bytes / 1e6 / best);
    }

    private static TextCorpus generatedText(int n, int words) {
        Random r = new Random(1);
        List<LabelledText> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < words; w++) {
                sb.append("w").append(r.nextInt(5_000)).append(w % 12 == 11 ? ". " : " ");
            }
            texts.add(new LabelledText(sb.toString(), i % 2, "generated " + i));
        }
        return new TextCorpus(texts, LabelSet.of("neg", "pos"));
    }

    private static void midi() throws IOException {
        Path root = SharedData.root();
        List<Path> files;
        String source;
        if (root != null && Files.isDirectory(root.resolve("nottingham/melody_midi"))) {
            try (Stream<Path> s = Files.list(root.resolve("nottingham/melody_midi"))) {
                files = s.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
            }
            source = "nottingham";
        } else {
            files = generatedMidi(800);
            source = "generated MIDI";
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        MidiMelodyReader reader = MidiMelodyReader.of(4);
        MelodyCodec codec = new MelodyCodec(4, 64);
        double best = Double.MAX_VALUE;
        long tokens = 0;
        for (int round = 0; round < ROUNDS + 2; round++) {
            long start = System.nanoTime();
            long count = 0;
            for (Path f : files) {
                count += codec.encode(reader.read(f)).length;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            tokens = count;
            if (round >= 2) {
                best = Math.min(best, seconds);
            }
        }
        System.out.printf("midi  [%s]: %d files, %.2f MB, %d tokens: read+skyline+quantise+tokenise best of %d:"
                        + " %.3f s = %.0f sequences/s, %.2f MB/s%n",
                source, files.size(), bytes / 1e6, tokens, ROUNDS, best, files.size() / best, bytes / 1e6 / best);
    }

    private static List<Path> generatedMidi(int n) throws IOException {
        Path dir = Files.createTempDirectory("rnnkit-bench-midi");
        dir.toFile().deleteOnExit();
        Random r = new Random(1);
        List<Path> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Melody.Event> events = new ArrayList<>();
            for (int k = 0; k < 160; k++) {
                events.add(new Melody.Event(r.nextInt(10) == 0 ? Melody.REST : 55 + r.nextInt(30), 1 + r.nextInt(8)));
            }
            events.add(new Melody.Event(60, 4));
            Path f = dir.resolve("g" + i + ".mid");
            try (OutputStream o = Files.newOutputStream(f)) {
                MidiMelodyWriter.write(new Melody(events, 4), 1, o);
            }
            f.toFile().deleteOnExit();
            out.add(f);
        }
        return out;
    }
}
