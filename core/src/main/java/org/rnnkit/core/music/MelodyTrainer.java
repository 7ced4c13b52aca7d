package org.rnnkit.core.music;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.task.MelodyEvaluation;
import org.rnnkit.core.task.MelodyGenerator;
import org.rnnkit.core.train.ConsoleProgress;
import org.rnnkit.core.train.EpochStats;
import org.rnnkit.core.train.LearningRateOnPlateau;
import org.rnnkit.core.train.ProgressListener;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.TokenStreamIterator;
import org.rnnkit.datasets.music.EventCodec;
import org.rnnkit.datasets.music.KeyEstimator;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyCorpus;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.TestSplit;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a {@link MelodyGenerator} on a {@link MelodyCorpus}: holds out a test share of the tunes (recorded in the
 * generator, so {@code eval} on the same data takes exactly that part) and a validation share of the rest, moves
 * tunes to a common key if asked, fits the {@link EventCodec} on the training tunes only, and trains with truncated
 * BPTT over shuffled streams of whole tunes ({@link TokenStreamIterator}) with early stopping on the validation
 * loss (best epoch's weights kept), reporting validation bits per event after every epoch.
 */
public final class MelodyTrainer {
    private static final ObjectMapper RECORDS = new ObjectMapper();

    private MelodyTrainer() {
    }

    /**
     * The outcome of training, with what {@code metrics.json} records.
     *
     * @param generator          the trained generator (best epoch's weights)
     * @param settings           the settings used
     * @param data               which data was trained on
     * @param trainTunes         tunes trained on
     * @param validationTunes    tunes used for validation
     * @param testTunes          tunes held out for testing
     * @param skippedFiles       files of the data that could not be read
     * @param training           per-epoch losses, best epoch, early stopping, duration
     * @param validationBits     validation bits per event after each epoch of {@code training.history()}
     * @param validation         the final generator on the validation tunes
     */
    public record Result(MelodyGenerator generator, MelodySettings settings, String data, int trainTunes,
                         int validationTunes, int testTunes, int skippedFiles, TrainingResult training,
                         List<Double> validationBits, MelodyEvaluation validation) {

        /** Settings, data, codec, the per-epoch curve and the validation figures as one JSON object. */
        public ObjectNode metrics() {
            ObjectNode root = Json.object();
            root.put("data", data);
            root.put("trainTunes", trainTunes);
            root.put("validationTunes", validationTunes);
            root.put("testTunes", testTunes);
            root.put("skippedFiles", skippedFiles);
            root.put("network", settings.describeNetwork());
            root.set("settings", RECORDS.valueToTree(settings));
            root.set("codec", generator.codec().toJsonNode());
            root.put("vocabularySize", generator.codec().vocabularySize());
            root.put("parameters", generator.model().network().numParams());
            ObjectNode curve = training.toJsonNode();
            for (int i = 0; i < training.history().size(); i++) {
                double bits = validationBits.get(i);
                ObjectNode row = (ObjectNode) curve.get("history").get(i);
                if (Double.isFinite(bits)) {
                    row.put("validationBitsPerEvent", bits);
                } else {
                    row.putNull("validationBitsPerEvent");
                }
            }
            root.set("training", curve);
            root.set("validation", validation.toJsonNode());
            return root;
        }
    }

    /**
     * Trains on {@code corpus} with {@code config} (which may add checkpoints and resume to
     * {@link MelodySettings#trainingConfig()}); progress lines go to {@code progress} if not null (on
     * {@code System.err}: a progress bar when that is a terminal).
     */
    public static Result train(MelodyCorpus corpus, MelodySettings settings, TrainingConfig config, PrintStream progress) {
        HoldOut test = new HoldOut(settings.testFraction(), settings.seed());
        HoldOut validation = new HoldOut(settings.validationFraction(), settings.seed() + 1);
        List<Melody> fit = new ArrayList<>();
        List<Melody> check = new ArrayList<>();
        int tested = 0;
        for (MelodyCorpus.Tune tune : corpus.tunes()) {
            String key = tune.key();
            if (test.holdsOut(key)) {
                tested++;
            } else {
                (validation.holdsOut(key) ? check : fit).add(tune.melody());
            }
        }
        if (fit.isEmpty() || check.isEmpty()) {
            throw DataFormatException.at(corpus.description(), "data", "enough tunes for a training and a validation "
                    + "part, found " + corpus.size() + " (" + fit.size() + " for training, " + check.size()
                    + " for validation)");
        }
        // The codec comes from the training tunes as the model will read them.
        List<Melody> prepared = settings.commonKey() ? fit.stream().map(KeyEstimator::inCommonKey).toList() : fit;
        EventCodec codec = EventCodec.fit(prepared);
        SequenceModel model = SequenceModel.create(settings.modelSpec(codec.vocabularySize()));
        MelodyGenerator generator = MelodyGenerator.of(model, codec, settings.commonKey(), corpus.bpm(), prepared)
                .withTestSplit(new TestSplit(test, corpus.fingerprint()));
        List<int[]> validationTokens = check.stream().map(m -> codec.encode(generator.prepare(m))).toList();
        if (progress != null) {
            progress.printf("data: %s%ntraining on %d tunes, validating on %d, %d held out for testing%s; %s; "
                            + "%d event tokens; %,d parameters%n", corpus.description(), fit.size(), check.size(),
                    tested, corpus.skipped().count() == 0 ? "" : " (" + corpus.skipped().count() + " files skipped)",
                    settings.describeNetwork(), codec.vocabularySize(), model.network().numParams());
        }
        Map<Integer, Double> bitsByEpoch = new HashMap<>();
        ProgressListener validationBits = new ProgressListener() {
            @Override
            public void onEpochEnd(EpochStats stats, int epochs) {
                double bits = generator.evaluate(check).bitsPerEvent();
                bitsByEpoch.put(stats.epoch(), bits);
                if (progress != null) {
                    progress.printf("epoch %d/%d  validation %.3f bits per event%n", stats.epoch(), epochs, bits);
                }
            }
        };
        List<ProgressListener> listeners = new ArrayList<>();
        if (progress == System.err) {
            listeners.add(ProgressListener.console());
        } else if (progress != null) {
            listeners.add(new ConsoleProgress(progress, Duration.ofSeconds(10)));
        }
        listeners.add(validationBits);
        listeners.add(new LearningRateOnPlateau(model, settings.learningRateDecay()));
        TrainingResult result = new Trainer(config, listeners.toArray(ProgressListener[]::new)).fit(model,
                new TokenStreamIterator(generator.trainingTokens(), codec.vocabularySize(), settings.batch(),
                        settings.rowLength(), true, settings.seed()),
                new TokenStreamIterator(validationTokens, codec.vocabularySize(), settings.batch(),
                        settings.rowLength(), false, 0));
        List<Double> bits = result.history().stream()
                .map(e -> bitsByEpoch.getOrDefault(e.epoch(), Double.NaN)).toList();
        return new Result(generator, settings, corpus.description(), fit.size(), check.size(), tested,
                corpus.skipped().count(), result, bits, generator.evaluate(check));
    }
}
