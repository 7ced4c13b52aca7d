package org.rnnkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.rnnkit.core.decode.DecodeOptions;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.io.ModelFileException;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Merge;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;

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
        assertEquals(fresh.output(x), old.sequenceModel().output(x));

        // The encoder-decoder's graph layout changed with step-wise decoding: its old bundles reach the seq2seq
        // kind, which says why it cannot use them (not a kind or format error).
        Path seq2seq = Path.of(getClass().getResource("/bundles/seq2seq-format1.zip").toURI());
        ModelFileException e = assertThrows(ModelFileException.class, () -> Seq2SeqModel.load(seq2seq));
        assertTrue(e.getMessage().contains("saved by an older rnnkit") && !e.getMessage().contains("unknown model kind"),
                e.getMessage());
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
