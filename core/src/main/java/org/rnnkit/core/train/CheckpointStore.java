package org.rnnkit.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rnnkit.core.RnnModel;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;

/**
 * The checkpoints of one training run: {@code last.zip} (latest state, for resuming) and
 * {@code best.zip} (best validation loss). Each is a {@link ModelBundle} written atomically, so a
 * kill during a write leaves the previous checkpoint intact.
 */
final class CheckpointStore {
    private static final String STATE = "training-state.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path last;
    private final Path best;

    CheckpointStore(Path dir) {
        this.last = dir.resolve("last.zip");
        this.best = dir.resolve("best.zip");
    }

    Path last() {
        return last;
    }

    void saveLast(RnnModel model, TrainingState state) {
        write(last, model, state);
    }

    void saveBest(RnnModel model, TrainingState state) {
        write(best, model, state);
    }

    Optional<ModelBundle> loadBest() throws IOException {
        return Files.exists(best) ? Optional.of(ModelBundle.load(best)) : Optional.empty();
    }

    Optional<ModelBundle> loadLast() throws IOException {
        return Files.exists(last) ? Optional.of(ModelBundle.load(last)) : Optional.empty();
    }

    static TrainingState state(ModelBundle bundle, Path file) throws IOException {
        byte[] json = bundle.attachment(STATE)
                .orElseThrow(() -> new ModelFileException(file, "not a training checkpoint (no " + STATE + ")"));
        return JSON.readValue(json, TrainingState.class);
    }

    private static void write(Path file, RnnModel model, TrainingState state) {
        try {
            ModelBundle.of(model).with(STATE, JSON.writeValueAsBytes(state)).save(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }
}
