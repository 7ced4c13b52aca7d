package org.rnnkit.datasets;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.rnnkit.datasets.tasks.CopyMemoryTask;
import org.rnnkit.datasets.text.LabelledText;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextDataSetIterator;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batches feed real DL4J networks: a fit step runs and gives a finite score and outputs of the right shape.
 * (No {@code setInputType(InputType.recurrent(1))} with token-index input: DL4J would then infer the
 * embedding's nIn as 1; nIn is set to the vocabulary size instead.)
 */
class Dl4jCompatibilityTest {

    private static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(0.01));
    }

    @Test
    void textBatchesFeedEmbeddingLstmLastTimeStepClassifier() {
        List<LabelledText> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            texts.add(new LabelledText((i % 2 == 0 ? "good fine " : "bad awful ") + "film ".repeat(i % 5), i % 2, "t"));
        }
        TextCorpus corpus = new TextCorpus(texts, LabelSet.of("neg", "pos"));
        Tokenizer tok = Tokenizer.lowerCasing();
        Vocabulary v = Vocabulary.build(corpus.tokenize(tok), 1, 0);
        TextDataSetIterator it = new TextDataSetIterator(corpus,
                new TextEncoder(tok, v, 0, TextEncoder.Truncation.KEEP_START), BatchPlan.bucketed(8, 1));
        MultiLayerConfiguration conf = base().list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(v.size()).nOut(8).build())
                .layer(new LastTimeStep(new LSTM.Builder().nIn(8).nOut(8).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(8).nOut(it.totalOutcomes()).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.fit(it);
        it.reset();
        DataSet b = it.next();
        INDArray out = net.output(b.getFeatures(), false, b.getFeaturesMaskArray(), null);
        assertArrayEquals(new long[]{b.numExamples(), 2}, out.shape());
        assertFalse(out.isNaN().any());
        assertTrue(Double.isFinite(net.score(b)));
    }

    @Test
    void copyTaskBatchesFeedLstmWithLabelMask() {
        DataSet b = CopyMemoryTask.generate(8, 5, 1).iterator(BatchPlan.sequential(8)).next();
        MultiLayerConfiguration conf = base().list()
                .layer(new LSTM.Builder().nIn(CopyMemoryTask.INPUT_SYMBOLS).nOut(16).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nIn(16).nOut(CopyMemoryTask.OUTPUTS.size()).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.fit(b);
        assertTrue(Double.isFinite(net.score(b)));
    }

    @Test
    void sparseIndexLabelsFeedSparseCrossEntropy() {
        List<int[]> seqs = List.of(new int[]{1, 2, 3, 4, 1}, new int[]{4, 3, 2});
        DataSet b = SequenceBatcher.nextToken(seqs, 5, TokenEncoding.ONE_HOT, TokenEncoding.INDEX);
        MultiLayerConfiguration conf = base().list()
                .layer(new LSTM.Builder().nIn(5).nOut(8).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.SPARSE_MCXENT)
                        .activation(Activation.SOFTMAX).nIn(8).nOut(5).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.fit(b);
        assertTrue(Double.isFinite(net.score(b)));
    }

    // TranslationIterator feeds rnnkit's own encoder-decoder graph in core (ShapesTest, ReadmeExamplesTest).
}
