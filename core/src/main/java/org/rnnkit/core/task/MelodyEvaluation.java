package org.rnnkit.core.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.eval.Evaluator;
import org.rnnkit.core.eval.NgramBaseline;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.TokenSequenceIterator;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well a {@link MelodyGenerator} predicts tunes: each tune is read from the empty state ({@code BOS events
 * EOS}, as generation starts) and every token after BOS is scored, the end included. Per-token perplexity and
 * bits, and bits per event: all of a tune's bits divided by its notes and rests, which compares across
 * tokenisations (an event that takes two tokens elsewhere is one here). The same tokens are scored by an add-one
 * unigram and bigram model fitted on the training tunes, the baselines to beat.
 *
 * @param model         the network's report (perplexity, bits per token)
 * @param events        notes and rests scored
 * @param unknownEvents events the codec has no token for (scored as UNK: the model gives them little probability)
 * @param unigram       the unigram baseline's report on the same tokens
 * @param bigram        the bigram baseline's report on the same tokens
 * @param copying       tunes that share a run of {@link MelodyStats#COPY_RUN} pitches with a training tune (the
 *                      yardstick for generated melodies' copying)
 */
public record MelodyEvaluation(EvaluationReport model, long events, long unknownEvents, EvaluationReport unigram,
                               EvaluationReport bigram, long copying) {

    private static final int BATCH = 16;

    static MelodyEvaluation of(MelodyGenerator generator, List<Melody> tunes) {
        if (tunes.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no tunes");
        }
        List<int[]> tokens = new ArrayList<>(tunes.size());
        long events = 0;
        long unknown = 0;
        for (Melody tune : tunes) {
            Melody prepared = generator.prepare(tune);
            tokens.add(generator.codec().encode(prepared));
            events += prepared.events().size();
            unknown += generator.codec().unknownEvents(prepared);
        }
        int vocabulary = generator.codec().vocabularySize();
        EvaluationReport model = Evaluator.languageModel(generator.model(), new TokenSequenceIterator(tokens, vocabulary,
                TokenEncoding.INDEX, TokenEncoding.INDEX, BatchPlan.bucketed(BATCH, 0)));
        List<int[]> training = generator.trainingTokens();
        long copying = tunes.stream().filter(t -> generator.stats(t, generator.bpm()).copies()).count();
        return new MelodyEvaluation(model, events, unknown, NgramBaseline.unigram(training, vocabulary).evaluate(tokens),
                NgramBaseline.bigram(training, vocabulary).evaluate(tokens), copying);
    }

    /** Per-token perplexity of the model. */
    public double perplexity() {
        return model.perplexity();
    }

    /** The model's bits per note-or-rest event. */
    public double bitsPerEvent() {
        return bitsPerEvent(model);
    }

    private double bitsPerEvent(EvaluationReport report) {
        return report.crossEntropy() * report.units() / events / Math.log(2);
    }

    /** The model's perplexity as a share of the bigram baseline's (below 1: better). */
    public double perplexityVsBigram() {
        return model.perplexity() / bigram.perplexity();
    }

    /** Every figure as one JSON object. */
    public ObjectNode toJsonNode() {
        ObjectNode node = Json.object();
        node.put("examples", model.examples());
        node.put("tokens", model.units());
        node.put("events", events);
        node.put("unknownEvents", unknownEvents);
        node.put("perplexity", perplexity());
        node.put("crossEntropy", model.crossEntropy());
        node.put("bitsPerToken", model.bitsPerToken());
        node.put("bitsPerEvent", bitsPerEvent());
        node.put("unigramPerplexity", unigram.perplexity());
        node.put("bigramPerplexity", bigram.perplexity());
        node.put("unigramBitsPerEvent", bitsPerEvent(unigram));
        node.put("bigramBitsPerEvent", bitsPerEvent(bigram));
        node.put("perplexityVsBigram", perplexityVsBigram());
        node.put("tunesCopyingTrainingRuns", copying);
        return node;
    }

    /** A few readable lines. */
    public String toText() {
        return String.format(Locale.ROOT, "tunes %d, events %d (%d unknown), tokens %d%n"
                        + "perplexity %.3f per token, %.3f bits per event%n"
                        + "baselines (add-one, fitted on the training tunes): unigram perplexity %.3f, bigram %.3f "
                        + "(model/bigram %.3f)%n"
                        + "tunes sharing a run of >= %d pitches with a training tune: %d of %d%n",
                model.examples(), events, unknownEvents, model.units(), perplexity(), bitsPerEvent(),
                unigram.perplexity(), bigram.perplexity(), perplexityVsBigram(), MelodyStats.COPY_RUN, copying,
                model.examples());
    }
}
