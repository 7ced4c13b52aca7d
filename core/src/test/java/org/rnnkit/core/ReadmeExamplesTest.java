package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
import org.rnnkit.core.decode.DecodeOptions;
import org.rnnkit.core.decode.Decoded;
import org.rnnkit.core.decode.SamplingSearch;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.decode.TokenRules;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.PoolSpec.Pooling;
import org.rnnkit.core.train.ProgressListener;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingReport;
import org.rnnkit.core.train.TrainingResult;
import org.rnnkit.core.weights.KerasWeights;
import org.rnnkit.core.weights.PyTorchWeights;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.chars.CharCorpus;
import org.rnnkit.datasets.chars.CharWindowIterator;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.pairs.TranslationIterator;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

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
                ProgressListener.console());                 // a progress bar in a terminal, plain lines otherwise
        TrainingResult result = trainer.fit(tagger, train, validation);
        TrainingReport.write(result, runDir);                // loss.png and training.json: the loss curve
        tagger.save(runDir.resolve("tagger.zip"));
        SequenceModel again = SequenceModel.load(runDir.resolve("tagger.zip"));
        // END README
        assertEquals(tagger.spec(), again.spec());
        assertTrue(java.nio.file.Files.size(runDir.resolve(TrainingReport.CHART)) > 0);
        assertEquals(result.history().size(), new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(runDir.resolve(TrainingReport.CURVE).toFile()).get("history").size());
    }

    @Test
    void oneToManyGeneratesWhatItLearned(@TempDir Path dir) throws Exception {
        Path textFile = Files.writeString(dir.resolve("hello.txt"), "hello world\n".repeat(100));
        // README: one-to-many
        CharCorpus corpus = CharCorpus.open(textFile);               // the characters of a text file
        int chars = corpus.vocabulary().size();
        SequenceModel charModel = Rnn.sequence(InputSpec.tokens(chars))
                .embedding(16)
                .lstm(64)
                .softmax(chars)                              // next-token distribution
                .optimizer(Optimizer.adam(0.01))
                .truncatedBptt(50)
                .build();
        new Trainer(TrainingConfig.epochs(20)).fit(charModel, new CharWindowIterator(corpus, 24,
                TokenEncoding.INDEX, TokenEncoding.ONE_HOT, BatchPlan.shuffled(16, 1)), null);
        int[][] primers = {corpus.vocabulary().encode("hello ")};
        List<Decoded> text = Search.greedy()            // or Search.sampling(0.8).withTopK(5).withSeed(42)
                .decode(charModel.stepper(), primers, DecodeOptions.maxLength(30).withTokens(TokenRules.none()));
        String generated = corpus.vocabulary().decode(text.get(0).tokens());
        // END README
        assertEquals("world\nhello world\nhello world\n", generated, "30 characters");
        String taught = "hello world\n".repeat(3);
        SamplingSearch sampling = Search.sampling(0.5).withTopK(3).withSeed(42);
        List<Decoded> sampled = sampling.decode(charModel.stepper(), primers,
                DecodeOptions.maxLength(60).withTokens(TokenRules.none()));
        assertEquals(sampled, sampling.decode(charModel.stepper(), primers,
                DecodeOptions.maxLength(60).withTokens(TokenRules.none())), "seeded sampling repeats");
        String sample = "hello " + corpus.vocabulary().decode(sampled.get(0).tokens());
        int seen = 0;
        for (int i = 0; i + 2 <= sample.length(); i++) {
            seen += taught.contains(sample.substring(i, i + 2)) ? 1 : 0;
        }
        assertTrue(seen >= 0.9 * (sample.length() - 1), "sampled text keeps the taught pairs of letters: " + sample);
        corpus.close();
    }

    @Test
    void encoderDecoderDecodesWhatItLearned() {
        Seq2SeqData train = Seq2SeqData.reverse(300, 3, 2, 4, 21);
        Seq2SeqData unseen = train.another(40, 2, 4, 22);
        List<SentencePair> pairs = train.pairs;
        Tokenizer tokenizer = Tokenizer.lowerCasing();
        Vocabulary source = train.vocabulary;
        Vocabulary target = train.vocabulary;
        int[][] sources = unseen.sources();
        // README: encoder-decoder
        Seq2SeqModel translator = Rnn.encoderDecoder(source.size(), target.size())
                .embedding(16)
                .gru(32, o -> o.bidirectional())             // the decoder reads one direction
                .optimizer(Optimizer.adam(0.03))
                .build();
        new Trainer(TrainingConfig.epochs(16)).fit(translator, new TranslationIterator(pairs, tokenizer, source,
                target, 20, TokenEncoding.ONE_HOT, BatchPlan.bucketed(20, 1)), null);
        List<Decoded> best = Search.beam(4).withLengthNormalization(0.6)
                .decode(translator.stepper(), sources, DecodeOptions.maxLength(20));
        String first = target.toText(best.get(0).tokens());   // "c a b" for the source "b a c"
        // END README
        assertEquals(unseen.pairs.get(0).target(), first, "the reversal of " + unseen.pairs.get(0).source());
        int correct = 0;
        for (int i = 0; i < sources.length; i++) {
            correct += Arrays.equals(unseen.targets()[i], best.get(i).tokens()) ? 1 : 0;
        }
        assertTrue(correct >= 30, "reversed " + correct + " of 40 unseen sources exactly (guessing: about 2)");
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
