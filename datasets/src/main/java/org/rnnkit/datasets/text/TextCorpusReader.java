package org.rnnkit.datasets.text;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.RecordErrors;
import org.rnnkit.datasets.StrictText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads labelled text in three layouts: a folder per class ({@link #readFolders}, the aclImdb layout
 * {@code train/pos/*.txt}), one example per line as {@code text<TAB>label} split on the LAST tab
 * ({@link #readTabSeparated}), and one file per class with one example per line ({@link #readFilePerClass}).
 * All text is strict UTF-8; empty texts are errors. With known classes, a label outside them is an error.
 */
public final class TextCorpusReader {

    private TextCorpusReader() {
    }

    /**
     * Every {@code *.txt} file in each class sub-folder of {@code dir} is one text. Classes: {@code classes}, or
     * when null the sub-folder names sorted (pass the classes for the full aclImdb, whose {@code train/} also
     * holds an unlabelled {@code unsup/}). Files are read in name order.
     */
    public static TextCorpus readFolders(Path dir, LabelSet classes) {
        if (!Files.isDirectory(dir)) {
            throw DataFormatException.inFile(dir, "a directory with one sub-folder per class", null);
        }
        LabelSet set = classes;
        if (set == null) {
            List<String> names = new ArrayList<>();
            for (Path p : list(dir)) {
                if (Files.isDirectory(p)) {
                    names.add(p.getFileName().toString());
                }
            }
            if (names.isEmpty()) {
                throw DataFormatException.inFile(dir, "at least one class sub-folder", null);
            }
            set = LabelSet.sorted(names);
        }
        List<LabelledText> texts = new ArrayList<>();
        for (int c = 0; c < set.size(); c++) {
            Path folder = dir.resolve(set.name(c));
            if (!Files.isDirectory(folder)) {
                throw DataFormatException.inFile(folder, "a sub-folder for class \"" + set.name(c) + "\"", null);
            }
            for (Path file : list(folder)) {
                if (!file.getFileName().toString().endsWith(".txt")) {
                    continue;
                }
                String text = StrictText.readAll(file).strip();
                if (text.isEmpty()) {
                    throw DataFormatException.inFile(file, "a non-empty text", null);
                }
                texts.add(new LabelledText(text, c, file.toString()));
            }
        }
        if (texts.isEmpty()) {
            throw DataFormatException.inFile(dir, "at least one .txt file in the class sub-folders", null);
        }
        return new TextCorpus(texts, set);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (NoSuchFileException e) {
            throw DataFormatException.inFile(dir, "an existing directory", e);
        } catch (IOException e) {
            throw DataFormatException.inFile(dir, "a readable directory", e);
        }
    }

    /**
     * One example per line, {@code text<TAB>label}, split on the last tab; text and label are stripped.
     * Classes: {@code classes}, or when null the labels seen, sorted. Blank lines are errors too.
     */
    public static TextCorpus readTabSeparated(Path file, LabelSet classes, RecordErrors errors) {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        StrictText.forEachLine(file, (n, line) -> {
            try {
                int tab = line.lastIndexOf('\t');
                if (tab < 0) {
                    throw DataFormatException.atLine(file, n, "text<TAB>label (no tab found)");
                }
                String text = line.substring(0, tab).strip();
                String label = line.substring(tab + 1).strip();
                if (text.isEmpty()) {
                    throw DataFormatException.atColumn(file, n, 1, "a non-empty text before the tab");
                }
                if (label.isEmpty() || (classes != null && classes.indexOf(label) < 0)) {
                    throw DataFormatException.atColumn(file, n, tab + 2, (classes == null ? "a label"
                            : "a label among " + classes.names()) + " after the last tab, found \"" + label + "\"");
                }
                texts.add(text);
                labels.add(label);
                sources.add(file + ":" + n);
            } catch (DataFormatException e) {
                errors.handle(e);
            }
        });
        if (texts.isEmpty()) {
            throw DataFormatException.inFile(file, "at least one line text<TAB>label", null);
        }
        LabelSet set = classes != null ? classes : LabelSet.sorted(labels);
        List<LabelledText> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new LabelledText(texts.get(i), set.indexOf(labels.get(i)), sources.get(i)));
        }
        return new TextCorpus(out, set);
    }

    /**
     * One file per class, one example per line. The class name is the file's extension
     * ({@code rt-polarity.pos} gives "pos") or, without one, the file name. Classes are in the given file order.
     */
    public static TextCorpus readFilePerClass(List<Path> files, RecordErrors errors) {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            names.add(dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1) : name);
        }
        return readFilePerClass(files, names, errors);
    }

    /** One file per class, one example per line, with the class names given (one per file, in order). */
    public static TextCorpus readFilePerClass(List<Path> files, List<String> classNames, RecordErrors errors) {
        if (files.size() != classNames.size()) {
            throw new IllegalArgumentException(files.size() + " files but " + classNames.size() + " class names");
        }
        LabelSet set = LabelSet.of(classNames);
        List<LabelledText> texts = new ArrayList<>();
        for (int c = 0; c < files.size(); c++) {
            Path file = files.get(c);
            int label = c;
            int before = texts.size();
            StrictText.forEachLine(file, (n, line) -> {
                if (line.isBlank()) {
                    errors.handle(DataFormatException.atLine(file, n, "one non-empty text per line"));
                } else {
                    texts.add(new LabelledText(line.strip(), label, file + ":" + n));
                }
            });
            if (texts.size() == before) {
                throw DataFormatException.inFile(file, "at least one text line", null);
            }
        }
        return new TextCorpus(texts, set);
    }
}
