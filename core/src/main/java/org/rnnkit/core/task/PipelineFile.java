package org.rnnkit.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rnnkit.core.RnnModel;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;

/**
 * A pipeline's file while it is being read: the {@link ModelBundle} with its manifest checked, and attachments read
 * so that anything missing or corrupt is a {@link ModelFileException} naming the file.
 */
final class PipelineFile {
    private static final String MANIFEST = "pipeline.json";
    private static final int FORMAT = 1;

    private final Path file;
    private final ModelBundle bundle;
    private final RnnModel model;

    private PipelineFile(Path file, ModelBundle bundle, RnnModel model) {
        this.file = file;
        this.bundle = bundle;
        this.model = model;
    }

    static ModelBundle manifest(ModelBundle bundle, String kind) {
        return bundle.withText(MANIFEST, Json.write(Json.object().put("format", FORMAT).put("kind", kind)));
    }

    /**
     * Rewrites a bundle saved before pipelines existed (no manifest) into today's attachments and manifest, so the
     * kind's ordinary reading applies to it; empty when the bundle is not that kind's older layout.
     */
    interface Upgrade {
        Optional<ModelBundle> apply(Path file, ModelBundle old) throws ModelFileException;
    }

    /** Opens {@code file}, which must hold a pipeline of {@code kind}. */
    static PipelineFile open(Path file, String kind) throws IOException {
        return open(file, kind, (f, old) -> Optional.empty());
    }

    /** Opens {@code file}, which must hold a pipeline of {@code kind}, today's or an older layout {@code upgrade} reads. */
    static PipelineFile open(Path file, String kind, Upgrade upgrade) throws IOException {
        return open(file, kind, upgrade, SequenceModel.class);
    }

    /** Opens {@code file}, which must hold a pipeline of {@code kind} over an encoder-decoder. */
    static PipelineFile openEncoderDecoder(Path file, String kind) throws IOException {
        return open(file, kind, (f, old) -> Optional.empty(), Seq2SeqModel.class);
    }

    private static PipelineFile open(Path file, String kind, Upgrade upgrade, Class<? extends RnnModel> type)
            throws IOException {
        ModelBundle bundle = ModelBundle.load(file);
        Optional<String> manifest = bundle.text(MANIFEST);
        if (manifest.isEmpty()) {
            Optional<ModelBundle> upgraded = upgrade.apply(file, bundle);
            if (upgraded.isPresent()) {
                bundle = upgraded.get();
                manifest = bundle.text(MANIFEST);
            }
        }
        if (manifest.isEmpty()) {
            throw new ModelFileException(file, "an rnnkit model, but not a " + kind + " (no " + MANIFEST + " inside)");
        }
        JsonNode node = parse(file, MANIFEST, manifest.get());
        int format = node.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new ModelFileException(file, "unsupported pipeline format " + format + " (this rnnkit reads "
                    + FORMAT + ")");
        }
        String found = node.path("kind").asText();
        if (!found.equals(kind)) {
            throw new ModelFileException(file, "holds a " + found + ", not a " + kind);
        }
        if (!type.isInstance(bundle.model())) {
            throw new ModelFileException(file, "holds a " + bundle.model().kind().name() + " model, not the network of a "
                    + kind);
        }
        return new PipelineFile(file, bundle, bundle.model());
    }

    /** Attachment {@code name}'s JSON; malformed JSON is a {@link ModelFileException} naming the file and it. */
    static JsonNode parse(Path file, String name, String json) throws ModelFileException {
        try {
            return Json.read(json, name);
        } catch (DataFormatException e) {
            throw new ModelFileException(file, "corrupt " + name + ": " + e.getMessage(), e);
        }
    }

    SequenceModel model() {
        return (SequenceModel) model;
    }

    Seq2SeqModel encoderDecoder() {
        return (Seq2SeqModel) model;
    }

    /** Parses a required attachment. */
    <X> X read(String name, Function<String, X> parser) throws ModelFileException {
        Optional<String> text = bundle.text(name);
        if (text.isEmpty()) {
            throw new ModelFileException(file, "incomplete pipeline file: no " + name + " inside");
        }
        return build(name, () -> parser.apply(text.get()));
    }

    /** Parses an optional attachment. */
    <X> Optional<X> readOptional(String name, Function<String, X> parser) throws ModelFileException {
        return bundle.text(name).isEmpty() ? Optional.empty() : Optional.of(read(name, parser));
    }

    /** Runs {@code step}; a bad value in the file is a {@link ModelFileException} naming {@code what}. */
    <X> X build(String what, Supplier<X> step) throws ModelFileException {
        try {
            return step.get();
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new ModelFileException(file, "corrupt " + what + ": " + e.getMessage(), e);
        }
    }
}
