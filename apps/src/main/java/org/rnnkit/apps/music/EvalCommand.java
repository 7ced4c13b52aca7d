package org.rnnkit.apps.music;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnkit.core.io.AtomicFiles;
import org.rnnkit.core.task.MelodyEvaluation;
import org.rnnkit.core.task.MelodyGenerator;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rnnkit music eval}: perplexity, bits per event and count baselines on tunes the model never saw. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a melody model: per-token perplexity, bits per note-or-rest event, and the "
                + "perplexity of add-one unigram and bigram baselines fitted on the training tunes (same tokens).",
                "",
                "Which tunes: if --midi (or, without it, the shipped tunes) is the data the model was trained on, "
                        + "exactly the part training held out; any other folder in full.", ""})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    private Path model;

    @Mixin
    private MidiOptions data;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    private Path report;

    @Override
    public Integer call() throws IOException {
        MelodyGenerator generator = MelodyGenerator.load(model);
        MelodyCorpus corpus = data.open(generator.codec().stepsPerQuarter(), System.err);
        List<Melody> tunes = generator.evaluationPart(corpus);
        String part = generator.trainedOn(corpus) ? "the " + tunes.size() + " tunes training held out of "
                + corpus.description() : corpus.description();
        if (tunes.isEmpty()) {
            throw DataFormatException.at(corpus.description(), "data", "at least one held-out tune to evaluate on "
                    + "(training held none out of this data: evaluate on another folder)");
        }
        MelodyEvaluation figures = generator.evaluate(tunes);
        System.out.println("model: " + model);
        System.out.println("data:  " + part);
        System.out.print(figures.toText());
        if (report != null) {
            ObjectNode json = Json.object();
            json.put("model", model.toString());
            json.put("data", part);
            json.setAll(figures.toJsonNode());
            AtomicFiles.writeString(report, Json.pretty(json) + "\n");
            System.out.println("wrote " + report);
        }
        return 0;
    }
}
