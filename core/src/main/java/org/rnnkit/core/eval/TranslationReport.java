package org.rnnkit.core.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnkit.datasets.Json;

/**
 * How well translations match their references. Pairs that share a source sentence make one test sentence with all
 * their targets as references: {@link #bleu()} scores one translation per distinct source against all of its
 * references, {@link #bleuSingleReference()} scores every pair on its own (the source's translation against that
 * pair's one target), and {@link #exactMatch()} is the share of distinct sources whose translation equals one of
 * their references (spacing normalised). BLEU is {@link Bleu}'s (sacreBLEU's corpus BLEU, 0–100).
 *
 * @param bleu                corpus BLEU with all references of each source
 * @param bleuSingleReference corpus BLEU with one reference per pair
 * @param exactMatch          share of distinct sources translated exactly as one of their references
 * @param examples            pairs evaluated
 * @param sources             distinct source sentences among them
 * @param multiReference      the multi-reference score's parts
 * @param singleReference     the single-reference score's parts
 * @param samples             the first few sources with their translation and references
 */
public record TranslationReport(double bleu, double bleuSingleReference, double exactMatch, int examples, int sources,
                                Bleu.Score multiReference, Bleu.Score singleReference, List<Sample> samples) {

    /** One source sentence, its translation and its references. */
    public record Sample(String source, String translation, List<String> references) {
        public Sample {
            references = List.copyOf(references);
        }
    }

    public TranslationReport {
        samples = List.copyOf(samples);
    }

    /**
     * The report for pairs {@code (sources.get(i), targets.get(i))}, given each distinct source's translation;
     * {@code sampleCount} samples are kept.
     */
    public static TranslationReport of(List<String> sources, List<String> targets, Map<String, String> translations,
                                       int sampleCount) {
        if (sources.size() != targets.size() || sources.isEmpty()) {
            throw new IllegalArgumentException("a translation report needs one target per source and at least one "
                    + "pair, got " + sources.size() + " sources and " + targets.size() + " targets");
        }
        Map<String, List<String>> references = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            references.computeIfAbsent(sources.get(i), k -> new ArrayList<>()).add(targets.get(i));
        }
        List<String> hypotheses = new ArrayList<>();
        List<List<String>> referenceLists = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        int exact = 0;
        for (Map.Entry<String, List<String>> e : references.entrySet()) {
            String translation = translations.get(e.getKey());
            if (translation == null) {
                throw new IllegalArgumentException("no translation of the source \"" + e.getKey() + "\"");
            }
            hypotheses.add(translation);
            referenceLists.add(e.getValue());
            String normalised = normalise(translation);
            if (e.getValue().stream().anyMatch(r -> normalise(r).equals(normalised))) {
                exact++;
            }
            if (samples.size() < sampleCount) {
                samples.add(new Sample(e.getKey(), translation, e.getValue()));
            }
        }
        List<String> perPair = sources.stream().map(translations::get).toList();
        List<List<String>> single = targets.stream().map(List::of).toList();
        Bleu.Score multi = Bleu.corpus(hypotheses, referenceLists);
        Bleu.Score one = Bleu.corpus(perPair, single);
        return new TranslationReport(multi.score(), one.score(), (double) exact / references.size(), sources.size(),
                references.size(), multi, one, samples);
    }

    private static String normalise(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }

    /** The figures and samples as JSON. */
    public ObjectNode toJsonNode() {
        ObjectNode root = Json.object();
        root.put("bleu", bleu);
        root.put("bleuSingleReference", bleuSingleReference);
        root.put("exactMatch", exactMatch);
        root.put("examples", examples);
        root.put("sources", sources);
        root.put("bleuDetail", multiReference.toString());
        root.put("bleuSingleReferenceDetail", singleReference.toString());
        ArrayNode list = root.putArray("samples");
        for (Sample s : samples) {
            ObjectNode node = list.addObject();
            node.put("source", s.source());
            node.put("translation", s.translation());
            ArrayNode refs = node.putArray("references");
            s.references().forEach(refs::add);
        }
        return root;
    }

    /** A few lines for a terminal. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "BLEU %.2f (all references of each source; %s)%n", bleu,
                multiReference));
        out.append(String.format(Locale.ROOT, "BLEU %.2f with one reference per pair%n", bleuSingleReference));
        out.append(String.format(Locale.ROOT, "exact match %.4f of %d sources (%d pairs)%n", exactMatch, sources,
                examples));
        for (Sample s : samples) {
            out.append("  ").append(s.source()).append("\n    -> ").append(s.translation()).append("\n    (")
                    .append(String.join(" | ", s.references())).append(")\n");
        }
        return out.toString();
    }
}
