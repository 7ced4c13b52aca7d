package org.rnnkit.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The package's JSON plumbing: the shared mapper and stream helpers used by every saveable type. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.CLOSE_CLOSEABLE);

    private Json() {
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Serialises a node to a compact string. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a string; malformed JSON is reported as a {@link DataFormatException} naming {@code what}. */
    public static JsonNode read(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw DataFormatException.at(what, "JSON", "valid JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
    }

    /** Writes a node as UTF-8 to a stream, leaving the stream open. */
    public static void write(JsonNode node, OutputStream out) throws IOException {
        out.write(write(node).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads all of a stream as one JSON document. */
    public static JsonNode read(InputStream in, String what) throws IOException {
        return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), what);
    }

    /** The required field {@code name} of {@code node}, or a {@link DataFormatException}. */
    public static JsonNode field(JsonNode node, String name, String what) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw DataFormatException.at(what, "JSON", "a field \"" + name + "\"");
        }
        return value;
    }
}
