package com.example.rnnkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.CompileContext;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.LayerSpec;
import org.rnnkit.core.spec.SpecException;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.SpecJson;

/** A layer from outside rnnkit joins the builder, saves, reloads and acts only while training. */
class ExtensionTest {

    @Test
    void customLayerBuildsSavesAndReloads(@TempDir Path dir) throws Exception {
        SpecJson.register(GaussianNoise.class);
        SequenceModel model = Rnn.sequence(InputSpec.features(3))
                .layer(new GaussianNoise(0.5))
                .lstm(4)
                .softmax(2)
                .build();
        assertTrue(((org.deeplearning4j.nn.conf.layers.BaseLayer) model.network().getLayerWiseConfigurations()
                .getConf(0).getLayer()).getIDropout() instanceof org.deeplearning4j.nn.conf.dropout.GaussianNoise,
                "the noise perturbs the LSTM's input");
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 5);
        assertEquals(model.output(x), model.output(x), "no noise at inference");
        INDArray train1 = model.network().output(x, true);
        INDArray train2 = model.network().output(x, true);
        assertNotEquals(train1, train2, "noise while training");

        assertEquals(model.spec(), ModelSpec.fromJson(model.spec().toJson()));
        Path file = dir.resolve("custom.zip");
        model.save(file);
        assertEquals(model.output(x), SequenceModel.load(file).output(x));
    }

    /** Another downstream layer that (wrongly) takes a name already in use. */
    @com.fasterxml.jackson.annotation.JsonTypeName("gaussianNoise")
    record Impostor(@com.fasterxml.jackson.annotation.JsonProperty("x") double x) implements LayerSpec {
        @Override
        public void compile(CompileContext context) {
        }
    }

    /** A layer without a JSON name. */
    record Unnamed() implements LayerSpec {
        @Override
        public void compile(CompileContext context) {
        }
    }

    @Test
    void registrationIsIdempotentThreadSafeAndRefusesClashes() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<ModelSpec>> reads = new java.util.ArrayList<>();
            String json = Rnn.sequence(InputSpec.features(3)).layer(new GaussianNoise(0.5)).lstm(4).softmax(2).spec()
                    .toJson();
            for (int i = 0; i < 16; i++) {
                reads.add(pool.submit(() -> {
                    SpecJson.register(GaussianNoise.class); // again and again, from several threads
                    return ModelSpec.fromJson(json);
                }));
            }
            for (java.util.concurrent.Future<ModelSpec> read : reads) {
                assertEquals(new GaussianNoise(0.5), read.get().layers().get(0));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(GaussianNoise.class, SpecJson.layerTypes().get("gaussianNoise"));
        assertThrows(UnsupportedOperationException.class, () -> SpecJson.layerTypes().put("x", Unnamed.class),
                "a snapshot cannot be changed");

        SpecException clash = assertThrows(SpecException.class, () -> SpecJson.register(Impostor.class));
        assertTrue(clash.getMessage().contains("'gaussianNoise'") && clash.getMessage().contains("GaussianNoise"),
                clash.getMessage());
        assertEquals(GaussianNoise.class, SpecJson.layerTypes().get("gaussianNoise"), "the first registration stands");
        SpecException unnamed = assertThrows(SpecException.class, () -> SpecJson.register(Unnamed.class));
        assertTrue(unnamed.getMessage().contains("@JsonTypeName"), unnamed.getMessage());
    }
}
