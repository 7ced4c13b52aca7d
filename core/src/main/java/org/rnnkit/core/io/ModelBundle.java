package org.rnnkit.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.rnnkit.core.ModelKind;
import org.rnnkit.core.RnnModel;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.SpecException;

/**
 * Everything needed to use a model again, in one zip file: the network with its updater state, the
 * spec it was built from, and named attachments (vocabularies, normalisers, label names, training
 * state) added by whoever saves it. Files are written atomically. Immutable: {@code with*} returns a copy.
 */
public final class ModelBundle {
    private static final String MANIFEST = "rnnkit-model.json";
    private static final String NETWORK = "network.zip";
    private static final String ATTACHMENTS = "attachments/";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RnnModel model;
    private final Map<String, byte[]> attachments;

    private ModelBundle(RnnModel model, Map<String, byte[]> attachments) {
        this.model = model;
        this.attachments = Collections.unmodifiableMap(attachments);
    }

    /** A bundle of {@code model} with no attachments. */
    public static ModelBundle of(RnnModel model) {
        return new ModelBundle(model, new LinkedHashMap<>());
    }

    /** A copy with one more (or a replaced) attachment. */
    public ModelBundle with(String name, byte[] content) {
        SpecException.require(name != null && name.matches("[A-Za-z0-9._-]+"),
                "attachment name must be letters, digits, '.', '_' or '-', got %s", name);
        Map<String, byte[]> copy = new LinkedHashMap<>(attachments);
        copy.put(name, content.clone());
        return new ModelBundle(model, copy);
    }

    /** A copy with a UTF-8 text attachment. */
    public ModelBundle withText(String name, String text) {
        return with(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public RnnModel model() {
        return model;
    }

    /** The model as {@code type}; fails naming both kinds when it is of another kind. */
    public <M extends RnnModel> M model(Class<M> type) {
        if (type.isInstance(model)) {
            return type.cast(model);
        }
        throw new IllegalStateException("this bundle holds a " + model.kind().name() + " model ("
                + model.getClass().getSimpleName() + "), not a " + type.getSimpleName());
    }

    /** The model as a {@link SequenceModel}; fails clearly if it is of another kind. */
    public SequenceModel sequenceModel() {
        return model(SequenceModel.class);
    }

    /** The model as a {@link Seq2SeqModel}; fails clearly if it is of another kind. */
    public Seq2SeqModel seq2seqModel() {
        return model(Seq2SeqModel.class);
    }

    public Set<String> attachmentNames() {
        return attachments.keySet();
    }

    public Optional<byte[]> attachment(String name) {
        return Optional.ofNullable(attachments.get(name)).map(byte[]::clone);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(attachments.get(name)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** Writes the bundle atomically: readers see the previous file or the complete new one. */
    public void save(Path file) throws IOException {
        ObjectNode manifest = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("kind", model.kind().name());
        manifest.set("spec", JSON.readTree(model.specJson()));
        ByteArrayOutputStream network = new ByteArrayOutputStream();
        model.writeNetwork(network);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            put(zip, NETWORK, network.toByteArray());
            for (Map.Entry<String, byte[]> e : attachments.entrySet()) {
                put(zip, ATTACHMENTS + e.getKey(), e.getValue());
            }
            zip.finish();
        });
    }

    /** Reads a bundle; a {@link ModelFileException} names the file and what is wrong with it. */
    public static ModelBundle load(Path file) throws IOException {
        Map<String, byte[]> entries = readEntries(file);
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null || !entries.containsKey(NETWORK)) {
            throw new ModelFileException(file, "not an rnnkit model (no " + MANIFEST + " and " + NETWORK + " inside)");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            throw new ModelFileException(file, "corrupt model manifest: " + e.getMessage(), e);
        }
        int format = manifest.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new ModelFileException(file, "unsupported model format " + format + " (this rnnkit reads " + FORMAT + ")");
        }
        String kindName = manifest.path("kind").asText();
        ModelKind kind = ModelKind.named(kindName).orElseThrow(() -> new ModelFileException(file,
                "unknown model kind '" + kindName + "' (this rnnkit reads " + String.join(", ", ModelKind.names()) + ")"));
        String specJson = manifest.path("spec").toString();
        RnnModel model;
        try (InputStream network = new ByteArrayInputStream(entries.get(NETWORK))) {
            model = kind.read(specJson, network);
        } catch (SpecException e) {
            throw new ModelFileException(file, "invalid model spec: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelFileException(file, "corrupt network: " + e.getMessage(), e);
        }
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(ATTACHMENTS)) {
                attachments.put(name.substring(ATTACHMENTS.length()), bytes);
            }
        });
        return new ModelBundle(model, attachments);
    }

    private static Map<String, byte[]> readEntries(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, "no such model file", new NoSuchFileException(file.toString()));
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFileException(file, "corrupt or truncated model file: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new ModelFileException(file, "not an rnnkit model (not a zip file, or an empty one)");
        }
        return entries;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
