package org.rnnkit.core.translate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.rnnkit.core.Seq2SeqModel;
import org.rnnkit.core.eval.TranslationReport;
import org.rnnkit.core.task.Translator;
import org.rnnkit.core.train.ConsoleProgress;
import org.rnnkit.core.train.ProgressListener;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingConfig;
import org.rnnkit.core.train.TrainingResult;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.TokenEncoding;
import org.rnnkit.datasets.pairs.PairSplit;
import org.rnnkit.datasets.pairs.ParallelData;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.pairs.TranslationIterator;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.Vocabulary;

/**
 * Trains a {@link Translator} on the training part of {@link ParallelData}: holds out a validation share of the
 * source sentences (all pairs of a source on one side), builds both vocabularies from the remaining pairs only,
 * trains with teacher forcing and early stopping on the validation loss (the best epoch's weights are kept), and
 * measures the final translator on the validation pairs (greedy decoding).
 */
public final class TranslatorTrainer {
    private static final ObjectMapper RECORDS = new ObjectMapper();

    private TranslatorTrainer() {
    }

    /**
     * The outcome of training, with what {@code metrics.json} records.
     *
     * @param translator         the trained translator (best epoch's weights), with its test split
     * @param settings           the settings used
     * @param data               which data was trained on
     * @param trainExamples      pairs trained on
     * @param validationExamples pairs used for validation
     * @param training           per-epoch losses, best epoch, early stopping, duration
     * @param validation         the final translator on the validation pairs, greedy
     */
    public record Result(Translator translator, TranslatorSettings settings, String data, int trainExamples,
                         int validationExamples, TrainingResult training, TranslationReport validation) {

        /** Settings, data, vocabularies, the per-epoch curve and validation figures as one JSON object. */
        public ObjectNode metrics() {
            ObjectNode root = Json.object();
            root.put("data", data);
            translator.testSplit().ifPresentOrElse(s -> root.set("testSplit", s.toJsonNode()),
                    () -> root.putNull("testSplit"));
            root.put("trainExamples", trainExamples);
            root.put("validationExamples", validationExamples);
            root.put("network", settings.describeNetwork());
            root.set("settings", RECORDS.valueToTree(settings));
            root.put("sourceVocabularySize", translator.sourceVocabulary().size());
            root.put("targetVocabularySize", translator.targetVocabulary().size());
            root.put("parameters", translator.model().network().params().length());
            root.set("training", training.toJsonNode());
            ObjectNode greedy = validation.toJsonNode();
            greedy.put("decoding", "greedy");
            root.set("validation", greedy);
            return root;
        }
    }

    /** Trains on the training part of {@code data}, holding out {@link TranslatorSettings#testFraction()}. */
    public static Result train(ParallelData data, TranslatorSettings settings, TrainingConfig config,
                               PrintStream progress) {
        return train(data.trainingPart(new HoldOut(settings.testFraction(), settings.seed())), settings, config,
                progress);
    }

    /**
     * Trains on {@code part} with {@code config} (which may add checkpoints and resume to
     * {@link TranslatorSettings#trainingConfig()}); progress goes to {@code progress} if not null.
     */
    public static Result train(ParallelData.Part part, TranslatorSettings settings, TrainingConfig config,
                               PrintStream progress) {
        PairSplit.Parts parts = PairSplit.bySource(part.pairs(),
                new HoldOut(settings.validationFraction(), settings.seed() + 1));
        List<SentencePair> fit = parts.kept();
        List<SentencePair> validation = parts.heldOut();
        if (fit.isEmpty() || validation.isEmpty()) {
            throw DataFormatException.at(part.description(), "data", "enough distinct source sentences for a "
                    + "training and a validation part, found " + part.pairs().size() + " pairs");
        }
        Vocabulary source = Vocabulary.build(fit.stream().map(p -> Translator.sourceTokens(p.source())).toList(),
                settings.minFrequency(), settings.maxVocabulary());
        Vocabulary target = Vocabulary.build(fit.stream().map(p -> Translator.targetTokens(p.target())).toList(),
                settings.minFrequency(), settings.maxVocabulary());
        Seq2SeqModel model = Seq2SeqModel.create(settings.modelSpec(source.size(), target.size()));
        Translator translator = Translator.of(model, source, target, settings.maxLength()).withTestSplit(part.split());
        if (progress != null) { // params().length(): the graph's numParams() leaves out the attention vertex
            progress.printf("data: %s%ntraining on %d pairs, validating on %d; vocabularies %d (source) and %d "
                            + "(target); %s; %,d parameters%n", part.description(), fit.size(), validation.size(),
                    source.size(), target.size(), settings.describeNetwork(), model.network().params().length());
        }
        List<ProgressListener> listeners = new ArrayList<>();
        if (progress == System.err) {
            listeners.add(ProgressListener.console()); // a progress bar in a terminal, plain lines otherwise
        } else if (progress != null) {
            listeners.add(new ConsoleProgress(progress, Duration.ofSeconds(10)));
        }
        Trainer trainer = new Trainer(config, listeners.toArray(ProgressListener[]::new));
        TrainingResult result = trainer.fit(model,
                batches(translator, fit, part.description(), BatchPlan.bucketed(settings.batch(), settings.seed())),
                batches(translator, validation, part.description(), BatchPlan.bucketed(settings.batch(), 0)));
        return new Result(translator, settings, part.description(), fit.size(), validation.size(), result,
                translator.evaluate(validation, 1, 0, 5));
    }

    /** Teacher-forcing batches of {@code pairs}, read as {@code translator} reads text. */
    static TranslationIterator batches(Translator translator, List<SentencePair> pairs, String data, BatchPlan plan) {
        List<int[]> sources = new ArrayList<>(pairs.size());
        List<int[]> targets = new ArrayList<>(pairs.size());
        for (SentencePair p : pairs) {
            try {
                sources.add(translator.encodeSource(p.source()));
            } catch (IllegalArgumentException e) {
                throw DataFormatException.at(data, "line " + p.line(), "a source sentence with words, found \""
                        + p.source() + "\"");
            }
            targets.add(translator.encodeTarget(p.target()));
        }
        return new TranslationIterator(sources, targets, translator.sourceVocabulary(), translator.targetVocabulary(),
                translator.maxLength(), TokenEncoding.ONE_HOT, plan);
    }
}
