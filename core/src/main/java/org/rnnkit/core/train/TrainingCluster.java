package org.rnnkit.core.train;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A kind of cluster that training epochs can run on, found through {@link ServiceLoader} (listed in
 * {@code META-INF/services/org.rnnkit.core.train.TrainingCluster}). The optional {@code rnnkit-spark} module
 * provides {@code "spark"}; commands offer it (say {@code --spark MASTER}) without depending on it at compile time.
 */
public interface TrainingCluster {

    /** The name commands look the cluster up by, e.g. {@code "spark"}. */
    String name();

    /**
     * Epochs on the cluster at {@code address} (for Spark, a master URL such as {@code local[2]} or
     * {@code spark://host:7077}) with the cluster's default settings, on the batches the Trainer is given; pass the
     * result to {@link TrainingConfig#withRunner}.
     */
    EpochRunner.Factory runner(String address);

    /** The installed cluster called {@code name}, if its module is on the classpath. */
    static Optional<TrainingCluster> named(String name) {
        for (TrainingCluster cluster : ServiceLoader.load(TrainingCluster.class, TrainingCluster.class.getClassLoader())) {
            if (cluster.name().equals(name)) {
                return Optional.of(cluster);
            }
        }
        return Optional.empty();
    }
}
