package org.rnnkit.apps.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rnnkit.apps.UsageException;
import org.rnnkit.core.eval.TranslationReport;
import org.rnnkit.core.io.AtomicFiles;
import org.rnnkit.core.task.Translator;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.pairs.ParallelData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnnkit translate eval}: BLEU (all references and one per pair) and exact match on a test split. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a translator: corpus BLEU-4 as sacreBLEU computes it (13a tokenisation, "
                + "case-sensitive, brevity penalty against the closest reference, 0-100) with all references of each "
                + "source sentence ('bleu') and with one reference per pair ('bleuSingleReference'), and the share "
                + "of source sentences translated exactly as one of their references.",
                "",
                "Which pairs: if --data (or, without it, the default corpus) is the data the model was trained on, "
                        + "exactly the part training held out (the split recorded in the model); other data is "
                        + "evaluated in full; --all evaluates on every pair.", ""})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    private Path model;

    @Mixin
    private DataOptions data;

    @Mixin
    private BeamOptions decoding;

    @Option(names = "--all", description = "Evaluate on all of the data, not only its test part.")
    private boolean all;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "5",
            description = "Sample translations to show and report (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    private Path report;

    @Override
    public Integer call() throws IOException {
        decoding.check();
        if (samples < 0) {
            throw new UsageException("--samples must be >= 0, got " + samples);
        }
        Translator translator = Translator.load(model);
        ParallelData.Part part = data.open().evaluationPart(translator.testSplit().orElse(null), all);
        long start = System.nanoTime();
        TranslationReport metrics = translator.evaluate(part.pairs(), decoding.beam(), decoding.alpha(), samples);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("model: " + model);
        System.out.println("data:  " + part.description());
        System.out.println("decoding: " + decoding.describe() + String.format(java.util.Locale.ROOT, " (%.1fs)", seconds));
        System.out.print(metrics.toText());
        if (report != null) {
            ObjectNode json = Json.object();
            json.put("model", model.toString());
            json.put("data", part.description());
            json.put("decoding", decoding.describe());
            json.put("beam", decoding.beam());
            json.put("alpha", decoding.alpha());
            json.setAll(metrics.toJsonNode());
            AtomicFiles.writeString(report, Json.pretty(json) + "\n");
            System.out.println("wrote " + report);
        }
        return 0;
    }
}
