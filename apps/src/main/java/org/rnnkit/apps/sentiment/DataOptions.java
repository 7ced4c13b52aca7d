package org.rnnkit.apps.sentiment;

import java.nio.file.Path;
import org.rnnkit.apps.UsageException;
import org.rnnkit.datasets.text.TextSource;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --format}, shared by {@code train} and {@code eval}. */
final class DataOptions {

    /** The values of {@code --format}. */
    enum Format {
        AUTO(null), ACLIMDB(TextSource.Layout.ACLIMDB), TSV(TextSource.Layout.TSV), FILES(TextSource.Layout.FILES);

        private final TextSource.Layout layout;

        Format(TextSource.Layout layout) {
            this.layout = layout;
        }
    }

    @Option(names = "--data", paramLabel = "PATH",
            description = "Labelled reviews: a folder in the aclImdb layout (train/pos, train/neg, optional test/), "
                    + "a text<TAB>label file or folder of such files, or a folder with one file per class "
                    + "(rt-polarity.pos, rt-polarity.neg). Default: the corpus shipped with rnnkit.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Layout of --data: auto, aclimdb, tsv or files (default: ${DEFAULT-VALUE}, detected).")
    Format format;

    /** The source named by the options, or the shipped corpus without {@code --data}. */
    TextSource open() {
        if (data != null && data.toString().isBlank()) {
            throw new UsageException("--data is empty: give a file or folder path");
        }
        return data == null ? TextSource.builtInSentiment() : TextSource.open(data, format.layout);
    }
}
