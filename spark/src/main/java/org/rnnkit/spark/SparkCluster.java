package org.rnnkit.spark;

import org.rnnkit.core.train.EpochRunner;
import org.rnnkit.core.train.TrainingCluster;

/**
 * Spark as a {@link TrainingCluster} ({@code "spark"}): what {@code rnnkit sentiment train --spark MASTER} finds
 * through {@link java.util.ServiceLoader} when this module is on the classpath. Parameter averaging every
 * {@link SparkSettings#master(String) 5 batches}, on the data's own batches.
 */
public final class SparkCluster implements TrainingCluster {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public EpochRunner.Factory runner(String address) {
        return SparkTrainer.with(SparkSettings.master(address)).factory();
    }
}
