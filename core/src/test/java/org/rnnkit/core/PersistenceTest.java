package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.decode.DecodeOptions;
import org.rnnkit.core.decode.DecoderState;
import org.rnnkit.core.decode.Step;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.decode.StepModel;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.layers.RecurrentCell;
import org.rnnkit.core.spec.Attention;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Merge;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Seq2SeqSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.datasets.SpecialTokens;

/** Save and load round trips: identical outputs, specs as JSON, attachments, clear errors on bad files. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void trainedSequenceModelReloadsWithIdenticalOutputs() throws IOException {
        SequenceModel model = Rnn.sequence(InputSpec.tokens(10)).embedding(6)
                .lstm(8, o -> o.layers(2).dropout(0.1)).lastStep().dense(4).softmax(2)
                .optimizer(Optimizer.adam(0.01).withClipNorm(1.0).withL2(1e-4)).build();
        DataSet data = TinyData.containsToken(64, 10, 3, 8, 1);
        new Trainer(TrainingConfig.epochs(2)).fit(model, TinyData.batches(data, 16), null);
        Path file = dir.resolve("model.zip");
        ModelBundle.of(model).withText("vocabulary.json", "{\"a\":1}").save(file);

        ModelBundle loaded = ModelBundle.load(file);
        SequenceModel again = loaded.sequenceModel();
        INDArray expected = model.output(data.getFeatures(), data.getFeaturesMaskArray());
        assertEquals(expected, again.output(data.getFeatures(), data.getFeaturesMaskArray()));
        assertEquals(model.spec(), again.spec());
        assertEquals("{\"a\":1}", loaded.text("vocabulary.json").orElseThrow());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left beside the model");
        }
    }

    @Test
    void encoderDecoderReloadsAndDecodesTheSame() throws IOException {
        Seq2SeqData data = Seq2SeqData.reverse(20, 3, 2, 4, 3);
        Seq2SeqModel model = Rnn.encoderDecoder(data.vocabulary.size(), data.vocabulary.size()).embedding(4)
                .gru(8, o -> o.layers(2).bidirectional()).build();
        Path file = dir.resolve("s2s.zip");
        model.save(file);
        Seq2SeqModel again = Seq2SeqModel.load(file);
        MultiDataSet batch = data.iterator(20, 1).next();
        assertEquals(model.output(batch.getFeatures(0), batch.getFeaturesMaskArray(0), batch.getFeatures(1),
                        batch.getFeaturesMaskArray(1)),
                again.output(batch.getFeatures(0), batch.getFeaturesMaskArray(0), batch.getFeatures(1),
                        batch.getFeaturesMaskArray(1)));
        DecodeOptions options = DecodeOptions.maxLength(5);
        assertEquals(Search.beam(2).decode(model.stepper(), data.sources(), options),
                Search.beam(2).decode(again.stepper(), data.sources(), options));
    }

    @Test
    void bundlesSavedBeforeModelKindsMovedStillLoad() throws Exception {
        // Written by rnnkit at commit f324fa6 (format 1): untrained models with seed 5, so a fresh build matches.
        Path sequence = Path.of(getClass().getResource("/bundles/sequence-format1.zip").toURI());
        ModelBundle old = ModelBundle.load(sequence);
        assertEquals("sequence", old.model().kind().name());
        assertEquals("[\"neg\",\"pos\"]", old.text("labels.json").orElseThrow());
        SequenceModel fresh = Rnn.sequence(InputSpec.features(3)).lstm(4).lastStep().softmax(2).seed(5).build();
        INDArray x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3, 5);
        // Saved with DL4J's LSTM; today's build compiles rnnkit's own LSTM: same parameters, same outputs.
        fresh.network().setParams(old.sequenceModel().network().params());
        assertTrue(fresh.output(x).equalsWithEps(old.sequenceModel().output(x), 1e-6));
    }

    @Test
    void anEncoderDecoderSavedBeforeTheBridgeStillDecodes() throws Exception {
        Seq2SeqModel seq2seq = Seq2SeqModel.load(Path.of(getClass().getResource("/bundles/seq2seq-format1.zip").toURI()));
        assertEquals("seq2seq", seq2seq.kind().name());
        // That graph predates the bridge: step-wise decoding must read its layout, giving at the first step what
        // the teacher-forced graph gives for the same source after BOS.
        int[] source = {4, 1, 3};
        INDArray sourceIds = org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][][] {{{4, 1, 3}}});
        INDArray bos = org.nd4j.linalg.factory.Nd4j.createFromArray(new float[][][] {{{SpecialTokens.BOS}}});
        INDArray forced = seq2seq.output(sourceIds, null, bos, null);
        StepModel stepper = seq2seq.stepper();
        double[] stepped = stepper.step(stepper.encode(new int[][] {source}), new int[] {SpecialTokens.BOS})
                .logProbabilities()[0];
        for (int token = 0; token < stepped.length; token++) {
            assertEquals(Math.log(forced.getDouble(0, token, 0)), stepped[token], 1e-5, "token " + token);
        }
    }

    @Test
    void anEncoderDecoderSavedBeforeTheDecoderStartedFromTheBridgeDecodesAsTrained() throws Exception {
        // Written at commit a2821f0 (MakeSeq2Seq.java.txt beside it): the bridge was only an input at every step.
        Seq2SeqModel old = Seq2SeqModel.load(Path.of(getClass().getResource("/bundles/seq2seq-bridge-input.zip").toURI()));
        String decoder = old.parts().decoder().get(0);
        assertFalse(((RecurrentCell) old.network().getLayer(decoder).conf().getLayer()).isInitialStateFromInput());
        Seq2SeqModel fresh = Rnn.encoderDecoder(9, 9).embedding(4).gru(6, o -> o.bidirectional())
                .attention(Attention.LUONG).seed(5).build();
        assertTrue(((RecurrentCell) fresh.network().getLayer(decoder).conf().getLayer()).isInitialStateFromInput());
        // Step-wise decoding of the old graph gives what its teacher-forced graph gives, step after step.
        int[] previous = {SpecialTokens.BOS, 6, 4};
        INDArray forced = old.output(Nd4j.createFromArray(new float[][][] {{{4, 7, 5, 8}}}), null,
                Nd4j.createFromArray(new float[][][] {{{previous[0], previous[1], previous[2]}}}), null);
        StepModel stepper = old.stepper();
        DecoderState state = stepper.encode(new int[][] {{4, 7, 5, 8}});
        for (int t = 0; t < previous.length; t++) {
            Step step = stepper.step(state, new int[] {previous[t]});
            for (int token = 0; token < 9; token++) {
                assertEquals(Math.log(forced.getDouble(0, token, t)), step.logProbabilities()[0][token], 1e-5,
                        "step " + t + ", token " + token);
            }
            state = step.next();
        }
    }

    @Test
    void kindsAreCheckedByNameAndByType() throws IOException {
        Path file = dir.resolve("s2s.zip");
        Rnn.encoderDecoder(5, 6).embedding(3).lstm(4).build().save(file);
        IllegalStateException wrongType = assertThrows(IllegalStateException.class,
                () -> ModelBundle.load(file).model(SequenceModel.class));
        assertTrue(wrongType.getMessage().contains("seq2seq") && wrongType.getMessage().contains("SequenceModel"),
                wrongType.getMessage());

        Path unknown = dir.resolve("unknown.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(unknown))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("rnnkit-model.json"));
            zip.write("{\"format\":1,\"kind\":\"transformer\",\"spec\":{}}".getBytes());
            zip.putNextEntry(new java.util.zip.ZipEntry("network.zip"));
            zip.write(new byte[] {1});
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelBundle.load(unknown));
        assertTrue(e.getMessage().contains("unknown model kind 'transformer'") && e.getMessage().contains("sequence, seq2seq"),
                e.getMessage());
    }

    @Test
    void specRoundTripsThroughJson() {
        ModelSpec spec = Rnn.sequence(InputSpec.features(4))
                .simpleRnn(8, o -> o.layerNorm().layers(2))
                .lstm(6, o -> o.bidirectional(Merge.AVERAGE).dropout(0.25))
                .dropout(0.3).dense(5).softmax(3)
                .optimizer(Optimizer.rmsprop(0.002).withClipValue(0.5)).seed(77).spec();
        String json = spec.toJson();
        assertEquals(spec, ModelSpec.fromJson(json));
        assertTrue(json.contains("\"type\" : \"recurrent\""), json);
    }

    @Test
    void aGraphWithoutTheEncoderDecoderLayoutIsRefusedClearly() {
        // Before the bridge existed, the graph went from the encoder's last step straight to the decoder.
        Seq2SeqSpec spec = Rnn.encoderDecoder(6, 6).embedding(4).lstm(8).spec();
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("source", "targetIn")
                .addLayer("sourceEmbedding", new EmbeddingSequenceLayer.Builder().nIn(6).nOut(4).build(), "source")
                .addLayer("encoder0", new LSTM.Builder().nIn(4).nOut(8).build(), "sourceEmbedding")
                .addLayer("output", new RnnOutputLayer.Builder().nIn(8).nOut(6).activation(Activation.SOFTMAX).build(),
                        "encoder0")
                .setOutputs("output")
                .allowDisconnected(true)
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        SpecException e = assertThrows(SpecException.class, () -> Seq2SeqModel.of(spec, graph));
        assertTrue(e.getMessage().startsWith("the graph has no 'finalStates' part of rnnkit's encoder-decoder layout"),
                e.getMessage());
    }

    @Test
    void badJsonNamesTheProblem() {
        SpecException e = assertThrows(SpecException.class, () -> ModelSpec.fromJson(
                "{\"input\":{\"kind\":\"FEATURES\",\"size\":3},\"layers\":[{\"type\":\"recurrent\",\"cell\":\"LSTM\",\"units\":0,\"layers\":1}],"
                        + "\"optimizer\":{\"name\":\"adam\",\"learningRate\":0.1}}"));
        assertTrue(e.getMessage().contains("positive number of units"), e.getMessage());
    }

    @Test
    void filesThatAreNotModelsGiveClearErrors() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        ModelFileException notZip = assertThrows(ModelFileException.class, () -> ModelBundle.load(text));
        assertTrue(notZip.getMessage().startsWith(text + ": not an rnnkit model"), notZip.getMessage());

        ModelFileException missing = assertThrows(ModelFileException.class, () -> ModelBundle.load(dir.resolve("none.zip")));
        assertTrue(missing.getMessage().contains("no such model file"), missing.getMessage());

        Path good = dir.resolve("good.zip");
        Rnn.sequence(InputSpec.features(2)).lstm(3).softmax(2).build().save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFileException corrupt = assertThrows(ModelFileException.class, () -> ModelBundle.load(truncated));
        assertTrue(corrupt.getMessage().startsWith(truncated.toString()), corrupt.getMessage());
    }
}
