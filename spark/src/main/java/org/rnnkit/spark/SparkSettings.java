package org.rnnkit.spark;

import org.rnnkit.core.spec.SpecException;

/**
 * How {@link SparkTrainer} trains on Spark: where, with how many workers, how many batches between parameter
 * averagings, and parameter averaging (the default) or gradient sharing. Immutable; start from {@link #local(int)}
 * or {@link #master(String)} and chain the {@code with*} methods.
 *
 * @param master             Spark master URL ({@code local[2]}, {@code spark://host:7077}, {@code yarn}) for a
 *                           context rnnkit starts; ignored when a runner is given an RDD (its context is used)
 * @param appName            the application's name in Spark's UI
 * @param workers            workers that train in parallel, 0 for Spark's default parallelism
 * @param averagingFrequency batches each worker fits between parameter averagings
 * @param batchPerWorker     examples per batch on a worker, 0 for the size of the data's own batches
 * @param exportDirectory    null to train straight from the RDD ({@code RDDTrainingApproach.Direct}, works
 *                           everywhere); or a directory every executor can read (HDFS, a shared mount) where DL4J
 *                           first exports the batches, which uses less memory on large data
 * @param gradientSharing    null for parameter averaging; else asynchronous gradient sharing over Aeron
 */
public record SparkSettings(String master, String appName, int workers, int averagingFrequency, int batchPerWorker,
                            String exportDirectory, GradientSharing gradientSharing) {

    public SparkSettings {
        SpecException.require(master != null && !master.isBlank(), "a Spark master URL is required, got %s", master);
        SpecException.require(appName != null && !appName.isBlank(), "an application name is required");
        SpecException.require(workers >= 0, "workers must be >= 0 (0: Spark's default parallelism), got %d", workers);
        SpecException.require(averagingFrequency >= 1, "averagingFrequency must be >= 1, got %d", averagingFrequency);
        SpecException.require(batchPerWorker >= 0, "batchPerWorker must be >= 0 (0: the data's batches), got %d",
                batchPerWorker);
    }

    /** Local Spark with {@code threads} worker threads in this JVM ({@code local[threads]}). */
    public static SparkSettings local(int threads) {
        SpecException.require(threads >= 1, "local Spark needs at least one thread, got %d", threads);
        return master("local[" + threads + "]");
    }

    /** Parameter averaging every 5 batches on the cluster at {@code master}, straight from the RDD. */
    public static SparkSettings master(String master) {
        return new SparkSettings(master, "rnnkit", 0, 5, 0, null, null);
    }

    public SparkSettings withAppName(String name) {
        return new SparkSettings(master, name, workers, averagingFrequency, batchPerWorker, exportDirectory,
                gradientSharing);
    }

    public SparkSettings withWorkers(int n) {
        return new SparkSettings(master, appName, n, averagingFrequency, batchPerWorker, exportDirectory,
                gradientSharing);
    }

    /** Average parameters (and updater state) after every {@code batches} batches of each worker. */
    public SparkSettings withAveragingFrequency(int batches) {
        return new SparkSettings(master, appName, workers, batches, batchPerWorker, exportDirectory, gradientSharing);
    }

    public SparkSettings withBatchPerWorker(int examples) {
        return new SparkSettings(master, appName, workers, averagingFrequency, examples, exportDirectory,
                gradientSharing);
    }

    /** Export the batches to {@code uri} (readable by every executor) before training, instead of training directly. */
    public SparkSettings withExportDirectory(String uri) {
        return new SparkSettings(master, appName, workers, averagingFrequency, batchPerWorker, uri, gradientSharing);
    }

    /** Train with gradient sharing ({@code SharedTrainingMaster}) instead of parameter averaging. */
    public SparkSettings withGradientSharing(GradientSharing sharing) {
        return new SparkSettings(master, appName, workers, averagingFrequency, batchPerWorker, exportDirectory,
                sharing);
    }

    /**
     * Gradient sharing: workers exchange threshold-encoded updates over Aeron (UDP) after every batch, with no
     * averaging rounds. Every executor must reach the driver's {@code controllerAddress} on {@code port}.
     *
     * @param controllerAddress the driver's address as executors see it
     * @param networkMask       the network the executors talk on, e.g. {@code 10.0.0.0/16}
     * @param port              UDP port of the parameter server
     */
    public record GradientSharing(String controllerAddress, String networkMask, int port) {
        public GradientSharing {
            SpecException.require(controllerAddress != null && networkMask != null,
                    "gradient sharing needs the driver's address and the executors' network mask");
            SpecException.require(port > 0 && port < 65536, "port must be 1-65535, got %d", port);
        }

        /** Driver and executors on this machine (local and local-cluster masters). */
        public static GradientSharing localhost() {
            return new GradientSharing("127.0.0.1", "127.0.0.0/8", 40123);
        }
    }
}
