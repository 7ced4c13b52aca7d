package org.rnnkit.spark;

import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;

/** Builds DL4J's {@link TrainingMaster} that {@link SparkSettings} asks for. */
final class TrainingMasters {
    private TrainingMasters() {
    }

    /**
     * Whether a pass is given to DL4J as {@link AveragingRounds}: parameter averaging straight from the RDD. (Export
     * training keeps DL4J's own rounds, over the files it wrote once; gradient sharing has no rounds.)
     */
    static boolean dealsRounds(SparkSettings settings) {
        return settings.gradientSharing() == null && settings.exportDirectory() == null;
    }

    /**
     * A training master for RDDs whose elements hold {@code examplesPerElement} examples each, with a worker batch
     * of {@code batchPerWorker} (DL4J re-batches to it; padded sequences of different lengths merge with masks).
     * Gradient sharing also sets Aeron's publication timeout on this JVM, since the default fails under load.
     */
    static TrainingMaster<?, ?> of(SparkSettings settings, int examplesPerElement, int batchPerWorker) {
        int workers = settings.workers();
        RDDTrainingApproach approach = settings.exportDirectory() == null
                ? RDDTrainingApproach.Direct : RDDTrainingApproach.Export;
        if (settings.gradientSharing() == null) {
            ParameterAveragingTrainingMaster.Builder master =
                    new ParameterAveragingTrainingMaster.Builder(workers == 0 ? null : workers, examplesPerElement)
                            .batchSizePerWorker(batchPerWorker)
                            .averagingFrequency(settings.averagingFrequency())
                            .saveUpdater(true) // Adam's moments are averaged too: a worker continues where all left off
                            .workerPrefetchNumBatches(0)
                            .rddTrainingApproach(approach);
            if (settings.exportDirectory() != null) {
                master.exportDirectory(settings.exportDirectory());
            }
            if (dealsRounds(settings)) {
                // Each RDD given is one round, already one partition per worker (AveragingRounds): DL4J must keep it
                // as it is, and need not cache it (its partitions are read back from Spark's shuffle files).
                master.repartionData(Repartition.Never).storageLevel(null);
            }
            return master.build();
        }
        SparkSettings.GradientSharing sharing = settings.gradientSharing();
        System.setProperty("aeron.publication.unblock.timeout", "60000000000");
        VoidConfiguration voidConf = VoidConfiguration.builder()
                .controllerAddress(sharing.controllerAddress())
                .networkMask(sharing.networkMask())
                .unicastPort(sharing.port())
                .build();
        SharedTrainingMaster.Builder master = new SharedTrainingMaster.Builder(voidConf, examplesPerElement)
                .batchSizePerWorker(batchPerWorker)
                .workersPerNode(1)
                .workerPrefetchNumBatches(0)
                .rddTrainingApproach(approach);
        if (settings.exportDirectory() != null) {
            master.exportDirectory(settings.exportDirectory());
        }
        return master.build();
    }
}
