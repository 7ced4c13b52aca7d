package org.rnnkit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.spec.InputSpec;

/** Atomic writes leave files readable like any other, keep a replaced file's permissions, and no temporary files. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSavedModelHasTheUsersNormalFilePermissions() throws IOException {
        Path reference = Files.writeString(dir.resolve("plain.txt"), "x"); // created under this process's umask
        Path model = dir.resolve("model.zip");
        Rnn.sequence(InputSpec.features(2)).lstm(3).softmax(2).build().save(model);
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
        assertTrue(Files.getPosixFilePermissions(model).size() > 2, "not owner-only (rw-------): "
                + PosixFilePermissions.toString(Files.getPosixFilePermissions(model)));
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("metrics.json");
        AtomicFiles.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(file, "{\"a\":1}");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("{\"a\":1}", Files.readString(file));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("keep.txt");
        AtomicFiles.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
