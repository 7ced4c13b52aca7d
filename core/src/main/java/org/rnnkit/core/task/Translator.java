package org.rnnkit.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.decode.Constraint;
import org.rnnkit.core.decode.DecodeOptions;
import org.rnnkit.core.decode.Decoded;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.decode.TokenRules;
import org.rnnkit.core.eval.TranslationReport;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.SpecialTokens;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.text.ReversibleTokenizer;
import org.rnnkit.datasets.text.TestSplit;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/**
 * Translates sentences with an encoder-decoder: a text in, a text out. The file keeps both vocabularies and how text
 * is read (sources lower-cased and cut to {@link #maxLength()} tokens; targets case-preserving and
 * {@link ReversibleTokenizer reversible}, so a translation is written back with its own spacing) and, when
 * training held part of its data out for testing, how ({@link TestSplit}). Decoding is greedy or beam search
 * ({@link #translate(List, int, double)}), several sentences at once; a translation ends at EOS or at
 * {@code 2 x source length + 5} tokens, and never contains PAD, BOS or UNK (an unknown source word is read as UNK).
 */
public final class Translator {
    private static final String KIND = "translator";
    private static final String SOURCE_VOCABULARY = "source-vocabulary.json";
    private static final String TARGET_VOCABULARY = "target-vocabulary.json";
    private static final String SETTINGS = "translator.json";
    private static final String TEST_SPLIT = "test-split.json";
    /** Sources per decoding batch (times the beam width in rows). */
    private static final int BATCH = 64;

    private static final Tokenizer SOURCE_TOKENS = Tokenizer.lowerCasing();
    private static final ReversibleTokenizer TARGET_TOKENS = new ReversibleTokenizer();

    private final Seq2SeqModel model;
    private final Vocabulary source;
    private final Vocabulary target;
    private final int maxLength;
    private final TestSplit testSplit;

    private Translator(Seq2SeqModel model, Vocabulary source, Vocabulary target, int maxLength, TestSplit testSplit) {
        SpecException.require(model.spec().sourceVocabulary() == source.size()
                        && model.spec().targetVocabulary() == target.size(),
                "the model reads %d source and writes %d target tokens, but the vocabularies have %d and %d",
                model.spec().sourceVocabulary(), model.spec().targetVocabulary(), source.size(), target.size());
        SpecException.require(maxLength > 0, "maximum source length must be positive, got %d", maxLength);
        this.model = model;
        this.source = source;
        this.target = target;
        this.maxLength = maxLength;
        this.testSplit = testSplit;
    }

    /** A translator of {@code model} reading sources of at most {@code maxLength} tokens. */
    public static Translator of(Seq2SeqModel model, Vocabulary source, Vocabulary target, int maxLength) {
        return new Translator(model, source, target, maxLength, null);
    }

    /** A copy recording how its training data's test part was held out. */
    public Translator withTestSplit(TestSplit split) {
        return new Translator(model, source, target, maxLength, split);
    }

    /** The source tokens of a text, as the vocabulary has them (lower-cased). */
    public static List<String> sourceTokens(String text) {
        return SOURCE_TOKENS.tokenize(text);
    }

    /** The target tokens of a text (case kept, attached tokens marked). */
    public static List<String> targetTokens(String text) {
        return TARGET_TOKENS.tokenize(text);
    }

    public Seq2SeqModel model() {
        return model;
    }

    public Vocabulary sourceVocabulary() {
        return source;
    }

    public Vocabulary targetVocabulary() {
        return target;
    }

    /** Most source tokens read (the first ones). */
    public int maxLength() {
        return maxLength;
    }

    public Optional<TestSplit> testSplit() {
        return Optional.ofNullable(testSplit);
    }

    /** Token ids of a source sentence, cut to {@link #maxLength()}; fails on a text without tokens. */
    public int[] encodeSource(String text) {
        int[] ids = source.encode(sourceTokens(text));
        if (ids.length == 0) {
            throw new IllegalArgumentException("the text has no words to translate: \"" + text + "\"");
        }
        return ids.length > maxLength ? Arrays.copyOf(ids, maxLength) : ids;
    }

    /** The words of a source sentence this translator does not know (it reads them as UNK), in order. */
    public List<String> unknownWords(String text) {
        return sourceTokens(text).stream().filter(t -> source.indexOf(t) == SpecialTokens.UNK).toList();
    }

    /** Token ids of a target sentence (for training). */
    public int[] encodeTarget(String text) {
        return target.encode(targetTokens(text));
    }

    /** The text of target token ids. */
    public String decodeTarget(int[] ids) {
        return TARGET_TOKENS.detokenize(target.decode(ids));
    }

    /** The translation of one sentence with beam search of width {@code beam} (1: greedy). */
    public String translate(String text, int beam) {
        return translate(List.of(text), beam, 0.6).get(0);
    }

    /**
     * The translations of {@code texts}, in their order: greedy for {@code beam} 1, else beam search ranking finished
     * translations by log-probability / length^{@code alpha}. Sentences of similar length are decoded together.
     */
    public List<String> translate(List<String> texts, int beam, double alpha) {
        return translate(texts, beam, alpha, false);
    }

    /**
     * As {@link #translate(List, int, double)}; with {@code allowUnknown} a translation may also contain the unknown
     * token ({@code <unk>}) where the model finds it most likely, as for a name it never saw.
     */
    public List<String> translate(List<String> texts, int beam, double alpha, boolean allowUnknown) {
        if (beam < 1) {
            throw new IllegalArgumentException("beam width must be at least 1, got " + beam);
        }
        int[][] encoded = new int[texts.size()][];
        for (int i = 0; i < encoded.length; i++) {
            try {
                encoded[i] = encodeSource(texts.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sentence " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        Integer[] order = new Integer[encoded.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> encoded[i].length));
        String[] out = new String[encoded.length];
        Search search = beam == 1 ? Search.greedy() : Search.beam(beam).withLengthNormalization(alpha);
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(order.length, start + BATCH);
            int[][] batch = new int[end - start][];
            int[] limits = new int[batch.length];
            int longest = 1;
            for (int j = 0; j < batch.length; j++) {
                batch[j] = encoded[order[start + j]];
                limits[j] = maxTargetLength(batch[j].length);
                longest = Math.max(longest, limits[j] + 1);
            }
            DecodeOptions options = DecodeOptions.maxLength(longest).withConstraint(stopAt(limits));
            List<Decoded> decoded = search.decode(model.stepper(), batch,
                    allowUnknown ? options.withTokens(TokenRules.standardAllowingUnknown()) : options);
            for (int j = 0; j < batch.length; j++) {
                out[order[start + j]] = decodeTarget(decoded.get(j).tokens());
            }
        }
        return Arrays.asList(out);
    }

    /** Most tokens a translation of a source of {@code sourceLength} tokens may have before EOS. */
    static int maxTargetLength(int sourceLength) {
        return 2 * sourceLength + 5;
    }

    /** Only EOS once a translation reached its source's limit. */
    private static Constraint stopAt(int[] limits) {
        BitSet eos = new BitSet();
        eos.set(SpecialTokens.EOS);
        return (input, prefix) -> prefix.length >= limits[input] ? eos : null;
    }

    /**
     * Translates each distinct source of {@code pairs} once and compares with all of its targets ({@link
     * TranslationReport}); {@code samples} examples are kept.
     */
    public TranslationReport evaluate(List<SentencePair> pairs, int beam, double alpha, int samples) {
        Map<String, String> translations = new LinkedHashMap<>();
        pairs.forEach(p -> translations.put(p.source(), null));
        List<String> distinct = new ArrayList<>(translations.keySet());
        List<String> translated = translate(distinct, beam, alpha);
        for (int i = 0; i < distinct.size(); i++) {
            translations.put(distinct.get(i), translated.get(i));
        }
        return TranslationReport.of(pairs.stream().map(SentencePair::source).toList(),
                pairs.stream().map(SentencePair::target).toList(), translations, samples);
    }

    /** Writes model, vocabularies, reading settings and test split to one file, atomically. */
    public void save(Path file) throws IOException {
        ModelBundle bundle = PipelineFile.manifest(ModelBundle.of(model), KIND)
                .withText(SOURCE_VOCABULARY, source.toJson())
                .withText(TARGET_VOCABULARY, target.toJson())
                .withText(SETTINGS, Json.write(Json.object().put("maxLength", maxLength)));
        if (testSplit != null) {
            bundle = bundle.withText(TEST_SPLIT, Json.write(testSplit.toJsonNode()));
        }
        bundle.save(file);
    }

    /** Reads a file written by {@link #save}; any other file is a {@code ModelFileException} naming it. */
    public static Translator load(Path file) throws IOException {
        PipelineFile f = PipelineFile.openEncoderDecoder(file, KIND);
        Vocabulary source = f.read(SOURCE_VOCABULARY, Vocabulary::fromJson);
        Vocabulary target = f.read(TARGET_VOCABULARY, Vocabulary::fromJson);
        JsonNode settings = f.read(SETTINGS, json -> Json.read(json, SETTINGS));
        int maxLength = f.build(SETTINGS, () -> Json.field(settings, "maxLength", SETTINGS).asInt());
        TestSplit split = f.readOptional(TEST_SPLIT, json -> TestSplit.fromJson(Json.read(json, TEST_SPLIT)))
                .orElse(null);
        return f.build("pipeline", () -> new Translator(f.encoderDecoder(), source, target, maxLength, split));
    }
}
