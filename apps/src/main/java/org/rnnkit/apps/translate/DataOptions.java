package org.rnnkit.apps.translate;

import java.nio.file.Path;
import org.rnnkit.apps.UsageException;
import org.rnnkit.datasets.pairs.ParallelData;
import picocli.CommandLine.Option;

/** {@code --data}, shared by {@code train} and {@code eval}. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "PATH",
            description = "Sentence pairs, one per line: source<TAB>target[<TAB>anything] (the Tatoeba/Anki layout; "
                    + "fields after the second are ignored). Default: rnnkit's generated English-French corpus.")
    Path data;

    /** The pairs named by the option, or the generated corpus without {@code --data}. */
    ParallelData open() {
        if (data != null && data.toString().isBlank()) {
            throw new UsageException("--data is empty: give a file path");
        }
        return data == null ? ParallelData.generated() : ParallelData.open(data);
    }
}
