package org.rnnkit.spark;

import java.util.List;
import org.apache.spark.SparkConf;

/**
 * What a Spark JVM needs on Java 17, in one place: the packages Spark reaches into, and the configuration rnnkit
 * starts its own contexts with. The driver needs {@link #OPENS} on its command line (the {@code rnnkit} launcher and
 * the module's tests add them); executors get them through {@code spark.executor.extraJavaOptions}.
 */
public final class SparkJvm {
    /** The {@code java.base} packages Spark 3.3+ opens itself ({@code JavaModuleOptions}); Spark 3.1 needs them too. */
    public static final List<String> OPENS = List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io",
            "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch",
            "sun.nio.cs", "sun.security.action", "sun.util.calendar");

    /** Aeron's publication timeout (ns): gradient sharing fails with the default on loaded machines. */
    static final String AERON_TIMEOUT = "-Daeron.publication.unblock.timeout=60000000000";

    private SparkJvm() {
    }

    /** {@link #OPENS} as JVM options. */
    public static String openOptions() {
        StringBuilder options = new StringBuilder();
        for (String pkg : OPENS) {
            options.append(options.isEmpty() ? "" : " ").append("--add-opens=java.base/").append(pkg)
                    .append("=ALL-UNNAMED");
        }
        return options.toString();
    }

    /**
     * The configuration rnnkit starts a context with: the settings' master and name; executors get
     * {@link #OPENS} (and Aeron's timeout) unless {@code spark.executor.extraJavaOptions} is already set, e.g. by
     * {@code spark-submit --conf}. Spark's web UI is off unless asked for ({@code spark.ui.enabled}).
     */
    static SparkConf conf(SparkSettings settings) {
        SparkConf conf = new SparkConf().setMaster(settings.master()).setAppName(settings.appName());
        conf.setIfMissing("spark.executor.extraJavaOptions", openOptions() + " " + AERON_TIMEOUT);
        conf.setIfMissing("spark.ui.enabled", "false");
        return conf;
    }
}
