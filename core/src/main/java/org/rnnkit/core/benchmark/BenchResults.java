package org.rnnkit.core.benchmark;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnnkit.core.io.AtomicFiles;

/**
 * What a grid has measured so far, as {@code results.json}: a description of the run (command, commit, machine,
 * which grid), the settings, every finished run and the clipping experiment. Rewritten atomically after each run,
 * so an interrupted grid resumes from it ({@link BenchRunner} skips the keys it already holds).
 *
 * @param meta      free-form description, in order (label, command, commit, machine, started, ...)
 * @param settings  the settings every run used
 * @param runs      finished runs, in the order they finished
 * @param clipping  the clipping experiment's results (empty when it did not run)
 */
public record BenchResults(@JsonProperty("meta") Map<String, String> meta,
                           @JsonProperty("settings") BenchSettings settings,
                           @JsonProperty("runs") List<RunResult> runs,
                           @JsonProperty("clipping") List<ClippingResult> clipping) {

    // NaN (a diverged run's score) is written as the string "NaN" and read back as the number.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public BenchResults {
        meta = new LinkedHashMap<>(meta == null ? Map.of() : meta);
        runs = List.copyOf(runs == null ? List.of() : runs);
        clipping = List.copyOf(clipping == null ? List.of() : clipping);
    }

    /** No runs yet. */
    public static BenchResults start(Map<String, String> meta, BenchSettings settings) {
        return new BenchResults(meta, settings, List.of(), List.of());
    }

    /** The run with {@code key}, if it has finished. */
    public Optional<RunResult> find(RunKey key) {
        return runs.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** These results with {@code run} added (replacing an earlier run of the same key). */
    public BenchResults with(RunResult run) {
        List<RunResult> next = new ArrayList<>(runs);
        next.removeIf(r -> r.key().equals(run.key()));
        next.add(run);
        return new BenchResults(meta, settings, next, clipping);
    }

    /** These results with the clipping experiment's result. */
    public BenchResults withClipping(List<ClippingResult> value) {
        return new BenchResults(meta, settings, runs, value);
    }

    /** These results with {@code value} as the description. */
    public BenchResults withMeta(Map<String, String> value) {
        return new BenchResults(value, settings, runs, clipping);
    }

    /** The results as JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write benchmark results as JSON", e);
        }
    }

    /** Writes {@link #toJson()} to {@code file}, atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /** Reads a file written by {@link #write}; fails naming the file when it is not one. */
    public static BenchResults read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            BenchResults results = JSON.readValue(text, BenchResults.class);
            if (results.settings() == null) {
                throw new IOException(file + ": not benchmark results (no \"settings\")");
            }
            return results;
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not benchmark results written by rnnkit bench: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
        }
    }
}
