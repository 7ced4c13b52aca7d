package org.rnnkit.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.SequenceBatcher;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/** Texts in: tokenised, mapped through the vocabulary and truncated by a {@link TextEncoder}, as in training. */
public final class TextInput implements InputCodec<String> {
    private static final String VOCABULARY = "vocabulary.json";
    static final String ENCODER = "text-encoder.json";

    private final TextEncoder encoder;

    /** Reads texts the way {@code encoder} does. */
    public TextInput(TextEncoder encoder) {
        if (encoder == null) {
            throw new IllegalArgumentException("a text input needs a TextEncoder");
        }
        this.encoder = encoder;
    }

    /** The tokenizer, vocabulary and length limit. */
    public TextEncoder encoder() {
        return encoder;
    }

    @Override
    public SequenceBatcher.Padded encode(List<String> texts) {
        return encoder.features(texts);
    }

    @Override
    public int length(String text) {
        int n = encoder.encode(text).length;
        if (n == 0) {
            throw new IllegalArgumentException("text has no tokens: \"" + text + "\"");
        }
        return n;
    }

    @Override
    public void check(ModelSpec spec) {
        InputSpec in = spec.input();
        if (in.kind() != InputSpec.Kind.TOKENS || in.size() != encoder.vocabulary().size()) {
            throw new IllegalArgumentException("the model must read tokens of a vocabulary of "
                    + encoder.vocabulary().size() + " (InputSpec.tokens(" + encoder.vocabulary().size()
                    + ")), but it reads " + in.kind().name().toLowerCase(java.util.Locale.ROOT) + " of size "
                    + in.size());
        }
    }

    @Override
    public ModelBundle attachTo(ModelBundle bundle) {
        String settings = Json.write(Json.object().put("lowerCase", encoder.tokenizer().lowerCases())
                .put("maxLength", encoder.maxLength()).put("truncation", encoder.truncation().name()));
        return bundle.withText(VOCABULARY, encoder.vocabulary().toJson()).withText(ENCODER, settings);
    }

    static TextInput read(PipelineFile file) throws ModelFileException {
        Vocabulary vocabulary = file.read(VOCABULARY, Vocabulary::fromJson);
        JsonNode settings = file.read(ENCODER, json -> Json.read(json, ENCODER));
        return file.build(ENCODER, () -> new TextInput(new TextEncoder(
                Json.field(settings, "lowerCase", ENCODER).asBoolean() ? Tokenizer.lowerCasing()
                        : Tokenizer.casePreserving(), vocabulary, Json.field(settings, "maxLength", ENCODER).asInt(),
                TextEncoder.Truncation.valueOf(Json.field(settings, "truncation", ENCODER).asText()))));
    }
}
