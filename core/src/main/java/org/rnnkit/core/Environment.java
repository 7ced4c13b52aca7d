package org.rnnkit.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * What rnnkit runs on: versions, the ND4J backend, the CPU instruction set the native binary was built
 * for and what the CPU offers, and the thread settings. Also where the thread count is set.
 */
public final class Environment {
    private static final String[] LEVELS = {"generic", "x86-64", "AVX2", "AVX-512"};

    private Environment() {
    }

    /**
     * Sets the threads ND4J's native code uses (OpenMP and BLAS). One thread trains small recurrent
     * networks faster than two on a 2-core machine: per-step matrices are too small to split.
     */
    public static void useThreads(int threads) {
        Nd4j.getExecutioner(); // loads the backend, which the native ops holder needs
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        ops.setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
    }

    /** The thread count from {@code OMP_NUM_THREADS}, or {@code fallback} when it is unset or invalid. */
    public static int threadsFromEnvironment(int fallback) {
        try {
            String value = System.getenv("OMP_NUM_THREADS");
            return value == null ? fallback : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A name-to-value description, in display order. */
    public static Map<String, String> describe() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("rnnkit", version("/org/rnnkit/core/rnnkit.properties", "version"));
        info.put("deeplearning4j", version("/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties", "version"));
        info.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        Properties nd4j = Nd4j.getExecutioner().getEnvironmentInformation(); // also loads the backend
        info.put("nd4j backend", nd4j.getProperty("backend") + " (" + Nd4j.getBackend().getClass().getSimpleName()
                + ", BLAS " + nd4j.getProperty("blas.vendor") + ")");
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        info.put("native binary built for", level(ops.binaryLevel()));
        info.put("cpu supports", level(ops.optimalLevel()) + " " + cpuFlags());
        info.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        info.put("threads", "OpenMP " + ops.ompGetMaxThreads() + ", ND4J " + Nd4j.getEnvironment().maxThreads()
                + ", OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        info.put("max heap", Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        return info;
    }

    private static String level(int level) {
        return level >= 0 && level < LEVELS.length ? LEVELS[level] : "level " + level;
    }

    private static String cpuFlags() {
        try {
            Set<String> found = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    for (String flag : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
                        if (flag.matches("avx2|avx512f|fma|sse4_2")) {
                            found.add(flag);
                        }
                    }
                    break;
                }
            }
            return found.toString();
        } catch (IOException | RuntimeException e) {
            return "(flags unavailable)";
        }
    }

    private static String version(String resource, String key) {
        try (InputStream in = Environment.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
