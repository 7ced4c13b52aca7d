package org.rnnkit.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * One pass of parameter averaging as rounds that DL4J fits without leaving anything out. DL4J's
 * {@code ParameterAveragingTrainingMaster} splits a pass into {@code floor(batches / (workers x perWorker))} random
 * rounds, so each round holds more than its workers fit, and a worker fits at most {@code perWorker} batches of its
 * partition and drops the rest. Here the batches are shuffled and dealt into rounds of exactly
 * {@code workers x perWorker}, one partition of {@code perWorker} batches per worker, the last round holding the
 * remainder spread evenly; DL4J then takes each round whole (one split, partitions kept as given).
 */
final class AveragingRounds {
    private AveragingRounds() {
    }

    /**
     * The rounds of one pass over {@code count} batches, in a random order drawn from {@code seed}.
     *
     * @param perWorker RDD elements each worker fits between averagings
     */
    static <T> List<JavaRDD<T>> deal(JavaSparkContext sc, JavaRDD<T> batches, long count, int workers, int perWorker,
                                     long seed) {
        int n = Math.toIntExact(count);
        int perRound = Math.multiplyExact(workers, perWorker);
        int[] position = shuffled(n, seed);
        Broadcast<int[]> positions = sc.broadcast(position);
        JavaPairRDD<Integer, T> placed = batches.zipWithIndex()
                .mapToPair(b -> new Tuple2<>(positions.value()[Math.toIntExact(b._2())], b._1()));
        List<JavaRDD<T>> rounds = new ArrayList<>();
        for (int first = 0; first < n; first += perRound) {
            int from = first;
            int size = Math.min(perRound, n - first);
            int partitions = Math.min(workers, size);
            // Position p of the round goes to worker p mod partitions: perWorker each, or the remainder spread evenly.
            rounds.add(placed.filter(b -> b._1() >= from && b._1() < from + size)
                    .mapToPair(b -> new Tuple2<>((b._1() - from) % partitions, b._2()))
                    .partitionBy(new HashPartitioner(partitions))
                    .values());
        }
        return rounds;
    }

    /** A random permutation of {@code 0..n-1} (Fisher-Yates): batch i sits at position {@code result[i]}. */
    static int[] shuffled(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
