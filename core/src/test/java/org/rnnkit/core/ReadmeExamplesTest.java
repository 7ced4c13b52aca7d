package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.rnnkit.core.generate.Sampling;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.PoolSpec.Pooling;
import org.rnnkit.core.train.ConsoleProgress;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.weights.KerasWeights;
import org.rnnkit.core.weights.PyTorchWeights;

/** The code shown in README.md, kept here so that it keeps compiling and running. */
class ReadmeExamplesTest {
    private static final int VOCAB = 50;

    @Test
    void manyToOne() {
        // README: many-to-one
        SequenceModel model = Rnn.sequence(InputSpec.tokens(VOCAB))
                .embedding(64)
                .lstm(64, o -> o.layers(2).bidirectional())
                .pool(Pooling.MAX)
                .softmax(2)
                .build();
        // END README
        assertEquals(rawDl4j().numParams(), model.network().numParams(), "the same network as README's raw DL4J");
    }

    /** README's raw DL4J version of {@link #manyToOne()}, for the line count comparison. */
    private static MultiLayerNetwork rawDl4j() {
        // README: raw DL4J
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(42)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(VOCAB).nOut(64).build())
                .layer(new Bidirectional(Bidirectional.Mode.CONCAT,
                        new LSTM.Builder().nIn(64).nOut(64).activation(Activation.TANH).build()))
                .layer(new Bidirectional(Bidirectional.Mode.CONCAT,
                        new LSTM.Builder().nIn(128).nOut(64).activation(Activation.TANH).build()))
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(128).nOut(2).build())
                .setInputType(InputType.recurrent(VOCAB))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        // END README
        return network;
    }

    @Test
    void manyToManyAndTraining(@TempDir Path runDir) throws Exception {
        DataSetIterator train = TinyData.batches(TinyData.runningSumSign(40, 10, 1), 20);
        DataSetIterator validation = TinyData.batches(TinyData.runningSumSign(20, 10, 2), 20);
        // README: many-to-many
        SequenceModel tagger = Rnn.sequence(InputSpec.features(1))
                .gru(32, o -> o.layers(2).dropout(0.1))
                .softmax(2)                                  // one label per step
                .optimizer(Optimizer.adam(1e-3).withClipNorm(1.0))
                .build();
        // END README
        // README: training
        Trainer trainer = new Trainer(TrainingConfig.epochs(3)
                .withEarlyStopping(5)                        // keeps the best weights
                .withCheckpoints(runDir)                     // last.zip and best.zip, written atomically
                .withResume(true),                           // continue after a crash or kill
                new ConsoleProgress());
        trainer.fit(tagger, train, validation);
        tagger.save(runDir.resolve("tagger.zip"));
        SequenceModel again = SequenceModel.load(runDir.resolve("tagger.zip"));
        // END README
        assertEquals(tagger.spec(), again.spec());
    }

    @Test
    void oneToManyAndEncoderDecoder() {
        int chars = 30;
        // README: one-to-many
        SequenceModel charModel = Rnn.sequence(InputSpec.tokens(chars))
                .embedding(32)
                .lstm(128, o -> o.layers(2))
                .softmax(chars)                              // next-token distribution
                .truncatedBptt(50)
                .build();
        int[] sampled = charModel.generator().generate(new int[] {3, 4}, 100, Sampling.topK(5, 0.8), 42);
        // END README
        assertEquals(100, sampled.length);
        // README: encoder-decoder
        Seq2SeqModel translator = Rnn.encoderDecoder(4000, 3000)
                .embedding(64)
                .lstm(128, o -> o.layers(2))
                .build();
        // END README
        assertEquals(2, translator.spec().rnn().layers());
    }

    @Test
    void portingWeights() {
        SequenceModel model = Rnn.sequence(InputSpec.features(3)).gru(4).softmax(2).build();
        SequenceModel source = Rnn.sequence(InputSpec.features(3)).gru(4).softmax(2).seed(7).build();
        Map<String, INDArray> tensorsByName = PyTorchWeights.export(source.network().getLayer(0));
        // README: porting weights
        PyTorchWeights.importInto(model.network().getLayer(0), tensorsByName);
        Map<String, INDArray> exported = KerasWeights.export(model.network().getLayer(0));
        // END README
        assertEquals(source.network().getLayer(0).params(), model.network().getLayer(0).params());
        assertEquals(3, exported.size(), "kernel, recurrent_kernel and bias");
    }
}
