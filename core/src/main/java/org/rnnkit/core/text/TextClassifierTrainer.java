package org.rnnkit.core.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.task.TextClassifier;
import org.rnnkit.core.train.ConsoleProgress;
import org.rnnkit.core.train.EpochStats;
import org.rnnkit.core.train.ProgressListener;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.TextCorpus;
import org.rnnkit.datasets.text.TextDataSetIterator;
import org.rnnkit.datasets.text.TextEncoder;
import org.rnnkit.datasets.text.TextSource;
import org.rnnkit.datasets.text.Tokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/**
 * Trains a {@link TextClassifier} on the training part of a {@link TextSource}: holds out a validation share
 * (a {@link HoldOut} seeded from the settings), builds the vocabulary from the remaining texts only, picks the
 * maximum length from their lengths unless given, trains with early stopping on the validation accuracy or loss
 * (the best epoch's weights are kept) and reports validation accuracy after every epoch.
 */
public final class TextClassifierTrainer {
    private static final ObjectMapper RECORDS = new ObjectMapper();

    private TextClassifierTrainer() {
    }

    /**
     * The outcome of training, with what {@code metrics.json} records.
     *
     * @param classifier         the trained classifier (best epoch's weights)
     * @param settings           the settings used
     * @param data               which data was trained on
     * @param trainExamples      texts trained on
     * @param validationExamples texts used for validation
     * @param training           per-epoch losses, best epoch, early stopping, duration
     * @param validationAccuracy accuracy on the validation texts after each epoch of {@code training.history()}
     *                           (NaN for epochs run before a resume)
     * @param networkValidation  metrics of the recurrent network alone on the validation texts
     * @param validation         full metrics on the validation texts of the classifier with its n-gram path trained
     *                           without them (the network's epoch was picked on them, so a little optimistic)
     */
    public record Result(TextClassifier classifier, TextClassifierSettings settings, String data, int trainExamples,
                         int validationExamples, TrainingResult training, List<Double> validationAccuracy,
                         EvaluationReport networkValidation, EvaluationReport validation) {

        /** Settings, data, vocabulary and length, per-epoch history and validation metrics as one JSON object. */
        public ObjectNode metrics() {
            ObjectNode root = Json.object();
            root.put("data", data);
            classifier.testSplit().ifPresentOrElse(h -> root.set("testSplit", h.toJsonNode()),
                    () -> root.putNull("testSplit"));
            ArrayNode classes = root.putArray("classes");
            classifier.labels().names().forEach(classes::add);
            root.put("trainExamples", trainExamples);
            root.put("validationExamples", validationExamples);
            root.put("network", settings.describeNetwork());
            root.set("settings", RECORDS.valueToTree(settings));
            TextEncoder encoder = classifier.encoder();
            root.put("vocabularySize", encoder.vocabulary().size());
            root.put("maxLength", encoder.maxLength());
            root.put("truncation", encoder.truncation().name());
            root.put("parameters", classifier.model().network().numParams());
            // The curve is the Trainer's own record, with the validation accuracy of each epoch added.
            ObjectNode curve = training.toJsonNode();
            for (int i = 0; i < training.history().size(); i++) {
                ObjectNode row = (ObjectNode) curve.get("history").get(i);
                double accuracy = validationAccuracy.get(i);
                if (Double.isFinite(accuracy)) {
                    row.put("validationAccuracy", accuracy);
                } else {
                    row.putNull("validationAccuracy");
                }
            }
            root.set("training", curve);
            classifier.ngramPath().ifPresent(p -> root.put("ngramPath", p.describe()));
            root.set("networkValidation", networkValidation.toJsonNode());
            root.set("validation", validation.toJsonNode());
            return root;
        }
    }

    /** Trains on the training part of {@code source}, holding out {@link TextClassifierSettings#testFraction}. */
    public static Result train(TextSource source, TextClassifierSettings settings, TrainingConfig config,
                               PrintStream progress) {
        return train(source.trainingPart(new HoldOut(settings.testFraction(), settings.seed())), settings, config,
                progress);
    }

    /**
     * Trains on {@code part} with {@link TextClassifierSettings#trainingConfig()}; progress goes to {@code progress}
     * if not null (on {@code System.err}: a progress bar when that is a terminal).
     */
    public static Result train(TextSource.Part part, TextClassifierSettings settings, PrintStream progress) {
        return train(part, settings, settings.trainingConfig(), progress);
    }

    /**
     * Trains on {@code part} (see {@link TextSource#trainingPart}) with {@code config}, which may add checkpoints
     * and resume to {@link TextClassifierSettings#trainingConfig()}; progress lines go to {@code progress} if not
     * null.
     */
    public static Result train(TextSource.Part part, TextClassifierSettings settings, TrainingConfig config,
                               PrintStream progress) {
        TextCorpus corpus = part.corpus();
        HoldOut.Parts parts = new HoldOut(settings.validationFraction(), settings.seed() + 1).split(corpus);
        TextCorpus fit = parts.kept();
        TextCorpus validation = parts.heldOut();
        if (validation.size() == 0 || fit.size() == 0) {
            throw DataFormatException.at(part.description(), "data", "enough texts for a training and a validation "
                    + "part, found " + corpus.size());
        }
        Tokenizer tokenizer = Tokenizer.lowerCasing();
        List<List<String>> tokens = fit.tokenize(tokenizer);
        Vocabulary vocabulary = Vocabulary.build(tokens, settings.minFrequency(), settings.maxVocabulary());
        int maxLength = settings.maxLength() > 0 ? settings.maxLength() : lengthPercentile(tokens);
        // The end of a review tends to carry its verdict ("...but overall, a waste of time"), so keep it.
        TextEncoder encoder = new TextEncoder(tokenizer, vocabulary, maxLength, TextEncoder.Truncation.KEEP_END);
        SequenceModel model = SequenceModel.create(settings.modelSpec(vocabulary.size(), corpus.classes().size()));
        TextClassifier classifier = TextClassifier.of(model, encoder, corpus.classes()).withTestSplit(part.split());
        if (progress != null) {
            progress.printf("data: %s%ntraining on %d texts, validating on %d; vocabulary %d, max length %d; %s; "
                            + "%,d parameters%n", part.description(), fit.size(), validation.size(), vocabulary.size(),
                    maxLength, settings.describeNetwork(), model.network().numParams());
        }
        Map<Integer, Double> accuracyByEpoch = new HashMap<>();
        ProgressListener validationAccuracy = new ProgressListener() {
            @Override
            public void onEpochEnd(EpochStats stats, int epochs) {
                // The trainer measured (and printed) it already when early stopping follows accuracy.
                boolean measured = Double.isFinite(stats.validationAccuracy());
                double accuracy = measured ? stats.validationAccuracy() : classifier.evaluate(validation).accuracy();
                accuracyByEpoch.put(stats.epoch(), accuracy);
                if (progress != null && !measured) {
                    progress.printf("epoch %d/%d  validation accuracy %.4f%n", stats.epoch(), epochs, accuracy);
                }
            }
        };
        List<ProgressListener> listeners = new ArrayList<>();
        if (progress == System.err) {
            listeners.add(ProgressListener.console()); // a progress bar in a terminal, plain lines otherwise
        } else if (progress != null) {
            listeners.add(new ConsoleProgress(progress, Duration.ofSeconds(10)));
        }
        listeners.add(validationAccuracy);
        Trainer trainer = new Trainer(config, listeners.toArray(ProgressListener[]::new));
        // Bucketing batches texts of similar length: far less padding to step through than random batches.
        TrainingResult result = trainer.fit(model,
                new TextDataSetIterator(fit, encoder, BatchPlan.bucketed(settings.batch(), settings.seed()))
                        .withWordDropout(settings.wordDropout(), settings.seed()),
                new TextDataSetIterator(validation, encoder, BatchPlan.bucketed(settings.batch(), 0)));
        List<Double> accuracy = result.history().stream()
                .map(e -> accuracyByEpoch.getOrDefault(e.epoch(), Double.NaN)).toList();
        EvaluationReport networkValidation = classifier.evaluate(validation);
        TextClassifier trained = classifier;
        EvaluationReport validationReport = networkValidation;
        if (settings.ngrams() > 0) {
            long start = System.nanoTime();
            // The validation figures use a path trained without the validation texts; the one that ships is then
            // trained on every labelled text (it needs none to stop, unlike the network).
            validationReport = classifier.withNgramPath(NgramPathTrainer.train(fit, tokenizer, settings.ngrams(),
                    settings.networkWeight())).evaluate(validation);
            trained = classifier.withNgramPath(NgramPathTrainer.train(fit.concat(validation), tokenizer,
                    settings.ngrams(), settings.networkWeight()));
            if (progress != null) {
                progress.printf(Locale.ROOT, "n-gram path: %s (%.1fs)%n",
                        trained.ngramPath().orElseThrow().describe(), (System.nanoTime() - start) / 1e9);
            }
        }
        return new Result(trained, settings, part.description(), fit.size(), validation.size(), result, accuracy,
                networkValidation, validationReport);
    }

    /** The {@link TextClassifierSettings#LENGTH_PERCENTILE} of token counts, within [8, MAX_AUTO_LENGTH]. */
    static int lengthPercentile(List<List<String>> tokens) {
        int[] lengths = tokens.stream().mapToInt(List::size).sorted().toArray();
        int index = (int) Math.ceil(TextClassifierSettings.LENGTH_PERCENTILE * lengths.length) - 1;
        int value = lengths[Math.max(0, Math.min(lengths.length - 1, index))];
        return Math.max(8, Math.min(TextClassifierSettings.MAX_AUTO_LENGTH, value));
    }
}
