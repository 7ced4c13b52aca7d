package org.rnnkit.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnkit.core.Rnn;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.tasks.ControlChartGenerator;

/** Every run can leave a loss chart (PNG, headless) and its loss curve as JSON; ETAs admit early stopping. */
class TrainingReportTest {
    @TempDir
    Path dir;

    private static SequenceModel model() {
        return Rnn.sequence(InputSpec.features(1)).lstm(6).lastStep().softmax(6).optimizer(Optimizer.adam(0.02))
                .seed(2).build();
    }

    @Test
    void chartAndCurveAreWrittenFromTheResult() throws Exception {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests render as servers do");
        SequenceDataset.Split data = ControlChartGenerator.generate(8, 20, 3).split(0.75, 0.25, 4);
        List<Progress> seen = new ArrayList<>();
        ProgressListener recorder = new ProgressListener() {
            @Override
            public void onBatch(Progress progress) {
                seen.add(progress);
            }
        };
        TrainingResult result = new Trainer(TrainingConfig.epochs(6).withEarlyStopping(2), recorder)
                .fit(model(), data.train().iterator(BatchPlan.shuffled(6, 1)), data.validation().iterator(BatchPlan.sequential(16)));

        TrainingReport.write(result, dir.resolve("run"));
        Path png = dir.resolve("run").resolve(TrainingReport.CHART);
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a decodable image");
        assertEquals(LossChart.WIDTH, image.getWidth());
        assertEquals(LossChart.HEIGHT, image.getHeight());
        assertTrue(distinctColours(image) > 3, "something is drawn");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("run").resolve(TrainingReport.CURVE).toFile());
        assertEquals(result.history().size(), json.get("history").size());
        assertEquals(result.bestEpoch(), json.get("bestEpoch").asInt());
        for (int i = 0; i < result.history().size(); i++) {
            EpochStats e = result.history().get(i);
            JsonNode row = json.get("history").get(i);
            assertEquals(e.epoch(), row.get("epoch").asInt());
            assertEquals(e.trainLoss(), row.get("trainLoss").asDouble()); // exact: doubles round-trip through JSON
            assertEquals(e.validationLoss(), row.get("validationLoss").asDouble());
            assertEquals(e.improved(), row.get("improved").asBoolean());
        }

        // With patience 2, after the first epoch the finish is a range: 1 more epoch at least, 4 more at most.
        Progress second = seen.stream().filter(p -> p.epoch() == 2).findFirst().orElseThrow();
        assertTrue(second.mayStopEarly(), "early stopping may end training sooner");
        assertTrue(second.finishEarliest().compareTo(second.finishLatest()) < 0);
        assertTrue(second.epochEta().compareTo(second.finishEarliest()) <= 0);
        assertTrue(ConsoleProgress.eta(second).matches("\\d+[hms0-9]* \\(epoch\\), [0-9hms]+-[0-9hms]+ to finish"),
                ConsoleProgress.eta(second));
    }

    @Test
    void withoutValidationTheCurveHasNoValidationLossAndTheFinishIsExact() throws Exception {
        List<Progress> seen = new ArrayList<>();
        TrainingResult result = new Trainer(TrainingConfig.epochs(2).withEarlyStopping(1), new ProgressListener() {
            @Override
            public void onBatch(Progress progress) {
                seen.add(progress);
            }
        }).fit(model(), ControlChartGenerator.generate(4, 12, 5).iterator(BatchPlan.shuffled(8, 1)), null);
        assertFalse(seen.get(seen.size() - 1).mayStopEarly(), "no validation, no early stopping");

        JsonNode json = new ObjectMapper().readTree(result.toJson());
        assertTrue(json.get("history").get(0).get("validationLoss").isNull());
        assertTrue(json.get("bestLoss").isNull(), "JSON has no infinity");
        LossChart.write(result, dir.resolve("loss.png"));
        assertEquals(LossChart.WIDTH, ImageIO.read(dir.resolve("loss.png").toFile()).getWidth());
    }

    @Test
    void theTerminalBarShowsLossEtaAndAnEpochLine() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ProgressBarListener bar = new ProgressBarListener(new java.io.PrintStream(bytes, true));
        bar.onBatch(Progress.estimate(2, 10, 3, 6, 9, 0.5, 100, 0.5, 1));
        bar.onEpochEnd(new EpochStats(2, 0.45, 0.5, 3.0, true), 10);
        String out = bytes.toString();
        assertTrue(out.contains("epoch 2/10"), out);
        assertTrue(out.contains("loss 0.5000, finish in 4s-25s"), out); // (6-3)+6 and (6-3)+8*6 batches at 0.5 s
        assertEquals("1s (epoch), 4s-25s to finish", ConsoleProgress.eta(Progress.estimate(2, 10, 3, 6, 9, 0.5, 100, 0.5, 1)));
        assertTrue(out.contains("epoch 2/10  train loss 0.4500  validation loss 0.5000 (best)"), out);
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < image.getWidth(); x += 5) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
