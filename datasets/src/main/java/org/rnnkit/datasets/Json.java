package org.rnnkit.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The package's JSON plumbing: the shared mapper and helpers used by every type saved as JSON. */
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

    /** Serialises a node to an indented, human-readable string. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
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

    /** The required field {@code name} of {@code node}, or a {@link DataFormatException}. */
    public static JsonNode field(JsonNode node, String name, String what) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw DataFormatException.at(what, "JSON", "a field \"" + name + "\"");
        }
        return value;
    }

    /** {@code {"<name>":[...strings]}}, the form of every saved list of names (labels, tokens). */
    public static String writeStrings(String name, java.util.List<String> values) {
        ObjectNode node = object();
        com.fasterxml.jackson.databind.node.ArrayNode array = node.putArray(name);
        values.forEach(array::add);
        return write(node);
    }

    /** Reads {@link #writeStrings}'s form; a missing field is a {@link DataFormatException} naming {@code what}. */
    public static java.util.List<String> readStrings(String json, String name, String what) {
        java.util.List<String> values = new java.util.ArrayList<>();
        field(read(json, what), name, what).forEach(n -> values.add(n.asText()));
        return values;
    }
}
