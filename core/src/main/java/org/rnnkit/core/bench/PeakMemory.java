package org.rnnkit.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.Pointer;

/**
 * Peak memory of this process, heap and native separately: Java heap (peak of the heap pools), native memory
 * (resident minus committed heap, sampled by {@link #sample()}; ND4J's arrays live there), and peak resident set size
 * from {@code /proc}.
 */
public final class PeakMemory {

    private long offHeapPeak;

    /** Records the current off-heap use; call it where a peak may occur (after each timed iteration). */
    public void sample() {
        offHeapPeak = Math.max(offHeapPeak, offHeapNow());
    }

    /**
     * Native memory in use now: resident set size minus the committed Java heap. ND4J's CPU arrays and workspaces
     * live there (its own allocation trackers report almost nothing on this backend), with the JVM's own native
     * memory and ND4J's libraries.
     */
    public static long offHeapNow() {
        long heapCommitted = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapCommitted += pool.getUsage().getCommitted();
            }
        }
        long resident = status("VmRSS:");
        return resident < 0 ? Pointer.totalBytes() : Math.max(0, resident - heapCommitted);
    }

    /** Peak Java heap in use (all heap pools' peaks), in bytes. */
    public static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Starts the heap pools' peaks afresh (from their current use), so {@link #heapPeak()} covers what follows. */
    public static void resetHeapPeak() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Peak off-heap bytes seen by {@link #sample()}. */
    public long offHeapPeak() {
        return offHeapPeak;
    }

    /** Peak resident set size (VmHWM), in bytes, or -1 where /proc is unavailable. */
    public static long residentPeak() {
        return status("VmHWM:");
    }

    /** A size field of {@code /proc/self/status} in bytes, or -1. */
    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** One line: heap, off-heap and resident peaks in MiB. */
    public String describe() {
        return String.format("peak memory: heap %.0f MiB, native (resident - heap) %.0f MiB, resident %.0f MiB",
                heapPeak() / 1048576.0, offHeapPeak / 1048576.0, residentPeak() / 1048576.0);
    }
}
