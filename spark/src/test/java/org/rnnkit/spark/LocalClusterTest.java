package org.rnnkit.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;

/**
 * Separate executor JVMs ({@code local-cluster[2,1,1024]}): rnnkit's bidirectional GRU configuration goes to them as
 * DL4J's JSON and comes back trained. Spark's workers start executors from a Spark installation; an empty one in a
 * temporary folder (with the layout Spark looks for) and this JVM's classpath stand in for it. Not in the default
 * run (it ran 4 min here, the first pass 103 s while two executor JVMs started and loaded ND4J on a loaded 2-core
 * machine): run it with {@code -Drnnkit.spark.localCluster=true}.
 */
@EnabledIfSystemProperty(named = "rnnkit.spark.localCluster", matches = "true")
class LocalClusterTest {
    @TempDir
    static Path sparkHome;

    @Test
    void bidirectionalGruTrainsOnSeparateExecutorJvms() throws IOException {
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.createDirectories(sparkHome.resolve("launcher/target/scala-2.12"));
        // Spark's workers find the installation through spark.test.home in Spark's own testing mode.
        System.setProperty("spark.testing", "1");
        System.setProperty("spark.test.home", sparkHome.toString());
        System.setProperty("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        List<DataSet> train = MajorityTask.batches(512, 16, 41);
        List<DataSet> test = MajorityTask.batches(256, 64, 42);
        SequenceModel model = SequenceModel.create(Rnn.sequence(InputSpec.tokens(MajorityTask.VOCABULARY))
                .embedding(8).gru(12, o -> o.bidirectional()).lastStep().softmax(2)
                .optimizer(Optimizer.adam(0.02)).seed(8).spec());
        SparkSettings settings = SparkSettings.master("local-cluster[2,1,1024]").withWorkers(2)
                .withAveragingFrequency(4);
        TrainingResult run = new Trainer(TrainingConfig.epochs(3).withRunner(SparkTrainer.with(settings).factory()))
                .fit(model, MajorityTask.iterator(train), null);
        double accuracy = model.network().evaluate(MajorityTask.iterator(test)).accuracy();
        System.out.printf("local-cluster: test accuracy %.4f; %s%n", accuracy, run.history());
        assertTrue(run.lastLoss() < run.firstLoss() * 0.5, "loss falls: " + run.history());
        assertTrue(accuracy > 0.9, "test accuracy " + accuracy);
    }
}
