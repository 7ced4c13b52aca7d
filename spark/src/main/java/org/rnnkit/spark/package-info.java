/**
 * Optional Spark training (module {@code rnnkit-spark}, built with {@code -Pspark}): {@link org.rnnkit.spark.SparkTrainer}
 * runs the training passes of rnnkit's {@code Trainer} on Spark with DL4J's parameter averaging or gradient
 * sharing, configured by {@link org.rnnkit.spark.SparkSettings}; {@link org.rnnkit.spark.SparkCluster} offers it to
 * commands as the {@code "spark"} training cluster.
 */
package org.rnnkit.spark;
