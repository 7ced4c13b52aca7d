package org.rnnkit.datasets.text;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.RecordErrors;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where labelled text comes from, in one of the common layouts, and which part of it is for training and which
 * for testing. A source with its own test split (the aclImdb {@code test/} folder, the built-in corpus's held-out
 * file) trains on the training part only and tests on its test part. A source without one is split by a
 * {@link HoldOut}: training gets the kept part, and evaluation with the same split gets exactly the held-out part.
 * Reading is lazy: training never reads a test folder.
 */
public final class TextSource {

    /** The layouts {@link #open} reads. */
    public enum Layout {
        /**
         * A folder per class of {@code *.txt} files, one text each: {@code DIR/train/pos/*.txt} with an optional
         * {@code DIR/test/} alike (the aclImdb layout; an {@code unsup/} folder is ignored), or directly
         * {@code DIR/pos/*.txt}.
         */
        ACLIMDB,
        /** {@code text<TAB>label} lines (split on the last tab), in one file or every data file of a folder. */
        TSV,
        /** One file per class, one text per line: {@code rt-polarity.pos}, {@code rt-polarity.neg}. */
        FILES
    }

    private static final String BUILT_IN = "/org/rnnkit/datasets/text/";

    private final String name;
    private final Layout layout;
    private final Supplier<TextCorpus> train;
    private final Supplier<TextCorpus> test;
    private final String testName;

    private TextSource(String name, Layout layout, Supplier<TextCorpus> train, Supplier<TextCorpus> test,
                       String testName) {
        this.name = name;
        this.layout = layout;
        this.train = train;
        this.test = test;
        this.testName = testName;
    }

    /** A part of a source for training or evaluation, with how it was chosen. */
    public record Part(TextCorpus corpus, String description, TestSplit split) {
    }

    /**
     * Opens {@code path} in {@code layout}, or detects the layout when it is null: a folder with {@code train/} or
     * with class sub-folders is {@link Layout#ACLIMDB}; a file, or a folder whose data files have a tab on their
     * first line, is {@link Layout#TSV}; a folder of files without tabs is {@link Layout#FILES}. Documentation
     * files ({@code README*}, {@code LICENSE*}, {@code SOURCE*}, {@code *.md}) and hidden files are not data.
     */
    public static TextSource open(Path path, Layout layout) {
        if (path.toString().isBlank()) {
            throw DataFormatException.at("data path", "argument", "a file or folder path (it is empty)");
        }
        if (!Files.exists(path)) {
            throw DataFormatException.inFile(path, "an existing file or folder", null);
        }
        Layout chosen = layout != null ? layout : detect(path);
        String name = path.toString();
        return switch (chosen) {
            case ACLIMDB -> folders(path);
            case TSV -> {
                List<Path> files = Files.isDirectory(path) ? dataFiles(path) : List.of(path);
                yield new TextSource(name, Layout.TSV, () -> readTsv(files), null, null);
            }
            case FILES -> {
                List<Path> files = Files.isDirectory(path) ? dataFiles(path) : List.of(path);
                if (files.size() < 2) {
                    throw DataFormatException.inFile(path, "a folder with one file per class (at least two files)", null);
                }
                yield new TextSource(name, Layout.FILES,
                        () -> TextCorpusReader.readFilePerClass(files, classNames(files), RecordErrors.failFast()),
                        null, null);
            }
        };
    }

    /**
     * The sentiment corpus shipped with rnnkit: short reviews of films, restaurants, gadgets, hotels, books, games
     * and services labelled {@code neg}/{@code pos}, with a separate held-out file as its test split.
     */
    public static TextSource builtInSentiment() {
        Path train = resource("sentiment-train.tsv");
        Path test = resource("sentiment-test.tsv");
        return new TextSource("built-in sentiment corpus", Layout.TSV,
                () -> TextCorpusReader.readTabSeparated(train, null, RecordErrors.failFast()),
                () -> TextCorpusReader.readTabSeparated(test, null, RecordErrors.failFast()),
                "held-out file sentiment-test.tsv");
    }

    /** A name for messages and metrics: the path, or "built-in sentiment corpus". */
    public String name() {
        return name;
    }

    /** The layout read. */
    public Layout layout() {
        return layout;
    }

    /** Whether the data has a test split of its own (then no {@link HoldOut} is needed). */
    public boolean hasTestSplit() {
        return test != null;
    }

    /**
     * The part to train on: the whole training part when the data has its own test split, otherwise what
     * {@code split} keeps. Fails unless it holds at least two classes.
     */
    public Part trainingPart(HoldOut split) {
        TextCorpus all = train.get();
        if (all.classes().size() < 2) {
            throw DataFormatException.at(name, "data", "examples of at least two classes, found only "
                    + all.classes().names());
        }
        if (hasTestSplit()) {
            return new Part(all, "training part of " + name + " (its " + testName + " is for testing only)", null);
        }
        TextCorpus kept = split.split(all).kept();
        return new Part(kept, name + " without its test part (" + split.describe() + ")",
                new TestSplit(split, all.fingerprint()));
    }

    /**
     * The part to evaluate on: everything when {@code all}; else the data's own test split; else, when this is
     * the data the model was trained on, the part {@code modelSplit} held out of it; else (other data) all of it.
     */
    public Part evaluationPart(TestSplit modelSplit, boolean all) {
        if (all) {
            TextCorpus corpus = hasTestSplit() ? train.get().concat(test.get()) : train.get();
            return new Part(corpus, "all of " + name, null);
        }
        if (hasTestSplit()) {
            return new Part(test.get(), "the " + testName + " of " + name, null);
        }
        TextCorpus data = train.get();
        if (modelSplit != null && modelSplit.madeFrom(data)) {
            return new Part(modelSplit.holdOut().split(data).heldOut(), "test part of " + name + " ("
                    + modelSplit.describe() + ", as in training)", modelSplit);
        }
        return new Part(data, "all of " + name + " (not the data set the model was trained on, so all of it)", null);
    }

    /**
     * The part a model was trained on, when this is its data: the training part of data with a test split of its
     * own, or what {@code modelSplit} kept of the data it was made from. Empty for other data (then which texts
     * the model was trained on is unknown here).
     */
    public Optional<Part> trainingPartOf(TestSplit modelSplit) {
        if (hasTestSplit()) {
            return Optional.of(trainingPart(null));
        }
        if (modelSplit == null || !modelSplit.madeFrom(train.get())) {
            return Optional.empty();
        }
        return Optional.of(trainingPart(modelSplit.holdOut()));
    }

    private static TextSource folders(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw DataFormatException.inFile(dir, "a folder with train/pos, train/neg, ... (aclImdb layout) "
                    + "or with one sub-folder per class", null);
        }
        Path trainDir = Files.isDirectory(dir.resolve("train")) ? dir.resolve("train") : dir;
        Path testDir = trainDir != dir && Files.isDirectory(dir.resolve("test")) ? dir.resolve("test") : null;
        LabelSet classes = classFolders(trainDir);
        return new TextSource(dir.toString(), Layout.ACLIMDB,
                () -> TextCorpusReader.readFolders(trainDir, classes),
                testDir == null ? null : () -> TextCorpusReader.readFolders(testDir, classFolders(testDir)),
                testDir == null ? null : "test/ folder");
    }

    // Class folders: sub-folders holding .txt files; aclImdb's unlabelled "unsup" is not a class.
    private static LabelSet classFolders(Path dir) {
        List<String> names = new ArrayList<>();
        for (Path p : list(dir)) {
            String n = p.getFileName().toString();
            if (Files.isDirectory(p) && !n.equals("unsup") && !n.startsWith(".")) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            throw DataFormatException.inFile(dir, "one sub-folder of .txt files per class", null);
        }
        return LabelSet.sorted(names);
    }

    private static Layout detect(Path path) {
        if (!Files.isDirectory(path)) {
            return Layout.TSV;
        }
        if (Files.isDirectory(path.resolve("train"))) {
            return Layout.ACLIMDB;
        }
        boolean hasFolders = list(path).stream().anyMatch(p -> Files.isDirectory(p)
                && !p.getFileName().toString().startsWith("."));
        List<Path> files = dataFiles(path, !hasFolders);
        if (files.isEmpty()) {
            return Layout.ACLIMDB;
        }
        int tabbed = 0;
        for (Path f : files) {
            tabbed += firstLineHasTab(f) ? 1 : 0;
        }
        if (tabbed == files.size()) {
            return Layout.TSV;
        }
        if (tabbed == 0) {
            return Layout.FILES;
        }
        throw DataFormatException.inFile(path, "data files of one layout, but some have text<TAB>label lines and "
                + "some do not (name the layout rather than detecting it)", null);
    }

    private static List<Path> dataFiles(Path dir) {
        return dataFiles(dir, true);
    }

    private static List<Path> dataFiles(Path dir, boolean required) {
        List<Path> files = new ArrayList<>();
        for (Path p : list(dir)) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean doc = n.startsWith("readme") || n.startsWith("license") || n.startsWith("source")
                    || n.endsWith(".md");
            if (Files.isRegularFile(p) && !n.startsWith(".") && !doc) {
                files.add(p);
            }
        }
        if (files.isEmpty() && required) {
            throw DataFormatException.inFile(dir, "data files (it has none besides documentation)", null);
        }
        return files;
    }

    // One class per file: the extensions when they tell the files apart (rt-polarity.pos), else the names.
    private static List<String> classNames(List<Path> files) {
        List<String> ext = new ArrayList<>();
        List<String> stem = new ArrayList<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            int dot = n.lastIndexOf('.');
            ext.add(dot > 0 && dot < n.length() - 1 ? n.substring(dot + 1) : "");
            stem.add(dot > 0 ? n.substring(0, dot) : n);
        }
        boolean extDistinct = !ext.contains("") && new HashSet<>(ext).size() == ext.size();
        return extDistinct ? ext : new HashSet<>(stem).size() == stem.size() ? stem
                : files.stream().map(f -> f.getFileName().toString()).toList();
    }

    private static TextCorpus readTsv(List<Path> files) {
        List<TextCorpus> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            TextCorpus c = TextCorpusReader.readTabSeparated(f, null, RecordErrors.failFast());
            parts.add(c);
            names.addAll(c.classes().names());
        }
        LabelSet all = LabelSet.sorted(names);
        TextCorpus out = parts.get(0).relabel(all);
        for (int i = 1; i < parts.size(); i++) {
            out = out.concat(parts.get(i).relabel(all));
        }
        return out;
    }

    // A sniff, not a parse: the readers decode strictly and report bad bytes with their line.
    private static boolean firstLineHasTab(Path file) {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = Math.max(0, in.readNBytes(head, 0, head.length));
        } catch (IOException e) {
            throw DataFormatException.inFile(file, "a readable file", e);
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).findFirst().map(l -> l.indexOf('\t') >= 0).orElse(false);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw DataFormatException.inFile(dir, "a readable folder", e);
        }
    }

    private static Path resource(String file) {
        URL url = TextSource.class.getResource(BUILT_IN + file);
        if (url == null) {
            throw new IllegalStateException("built-in corpus " + file + " is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // opened by an earlier call: Path.of below finds it
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open built-in corpus " + file + ": " + e.getMessage(), e);
        }
    }
}
