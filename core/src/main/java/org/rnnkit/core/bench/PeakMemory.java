package org.rnnkit.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.memory.AllocationsTracker;

/**
 * Peak memory of this process, heap and native separately: Java heap (peak of the heap pools), off-heap bytes that
 * ND4J allocated (sampled by {@link #sample()}), and peak resident set size from {@code /proc}.
 */
public final class PeakMemory {

    private long offHeapPeak;

    /** Records the current off-heap use; call it where a peak may occur (after each timed iteration). */
    public void sample() {
        offHeapPeak = Math.max(offHeapPeak, offHeapNow());
    }

    /** Off-heap bytes ND4J holds now: its tracked allocations (arrays, workspaces) or JavaCPP's, the larger. */
    public static long offHeapNow() {
        return Math.max(Pointer.totalBytes(), AllocationsTracker.getInstance().bytesOnDevice(0));
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

    /** Peak off-heap bytes seen by {@link #sample()}. */
    public long offHeapPeak() {
        return offHeapPeak;
    }

    /** Peak resident set size (VmHWM), in bytes, or -1 where /proc is unavailable. */
    public static long residentPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
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
        return String.format("peak memory: heap %.0f MiB, ND4J off-heap %.0f MiB, resident %.0f MiB",
                heapPeak() / 1048576.0, offHeapPeak / 1048576.0, residentPeak() / 1048576.0);
    }
}
