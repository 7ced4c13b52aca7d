package org.rnnkit.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.spec.OutputSpec;

/**
 * Evaluates a {@link SequenceModel} on the batches of a {@code DataSetIterator} directly (one pass, from a reset):
 * a softmax model is a classifier (per sequence, or per real step when labels have a time axis), a linear or
 * sigmoid one a regressor; {@link #languageModel} treats per-step softmax outputs as next-token predictions.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Classification (class names from the iterator, else "0".."C-1") or regression, as the model's head says. */
    public static EvaluationReport evaluate(SequenceModel model, DataSetIterator data) {
        OutputSpec head = model.spec().output();
        if (head.kind() != OutputSpec.Kind.SOFTMAX) {
            RegressionCollector collector = new RegressionCollector();
            each(model, data, head.units(), (batch, labels, i) -> {
                collector.sequence();
                if (batch.perStep()) {
                    for (int t = 0; t < batch.length(); t++) {
                        if (labels.real(i, t)) {
                            collector.add(batch.step(i, t), labels.step(i, t));
                        }
                    }
                } else {
                    collector.add(batch.row(i), labels.row(i));
                }
            });
            return collector.report();
        }
        List<String> names = data.getLabels();
        if (names == null || names.size() != head.units()) {
            names = new ArrayList<>();
            for (int c = 0; c < head.units(); c++) {
                names.add(String.valueOf(c));
            }
        }
        boolean perStep = model.spec().outputShape() == org.rnnkit.core.spec.Shape.SEQUENCE;
        ClassificationCollector collector = new ClassificationCollector(names, perStep);
        each(model, data, head.units(), (batch, labels, i) -> {
            collector.sequence();
            if (batch.perStep()) {
                for (int t = 0; t < batch.length(); t++) {
                    if (labels.real(i, t)) {
                        collector.add(ClassificationCollector.mostProbable(labels.step(i, t)), batch.step(i, t));
                    }
                }
            } else {
                collector.add(ClassificationCollector.mostProbable(labels.row(i)), batch.row(i));
            }
        });
        return collector.report();
    }

    /** Perplexity and bits per token of a next-token model; labels one-hot or token indices per step. */
    public static EvaluationReport languageModel(SequenceModel model, DataSetIterator data) {
        LanguageModelCollector collector = new LanguageModelCollector();
        int vocabulary = model.spec().output().units();
        data.reset();
        while (data.hasNext()) {
            DataSet ds = data.next();
            BatchOutput out = BatchOutput.of(model.output(ds.getFeatures(), ds.getFeaturesMaskArray()),
                    ds.getFeaturesMaskArray());
            BatchOutput labels = BatchOutput.of(ds.getLabels(), ds.getLabelsMaskArray());
            if (!out.perStep() || (labels.units() != vocabulary && labels.units() != 1)) {
                throw new IllegalArgumentException("a language model needs per-step outputs and per-step labels "
                        + "(one-hot over " + vocabulary + " tokens or token indices), got outputs of " + out.units()
                        + (out.perStep() ? " per step" : " per sequence") + " and labels of " + labels.units());
            }
            for (int i = 0; i < out.rows(); i++) {
                collector.sequence();
                for (int t = 0; t < out.length(); t++) {
                    if (labels.real(i, t)) {
                        double[] label = labels.step(i, t);
                        int token = labels.units() == 1 ? (int) label[0] : ClassificationCollector.mostProbable(label);
                        collector.add(out.step(i, t)[token]);
                    }
                }
            }
        }
        return collector.report();
    }

    private interface RowConsumer {
        void accept(BatchOutput batch, BatchOutput labels, int row);
    }

    private static void each(SequenceModel model, DataSetIterator data, int units, RowConsumer consumer) {
        data.reset();
        while (data.hasNext()) {
            DataSet ds = data.next();
            if (ds.getLabels().size(1) != units) {
                throw new IllegalArgumentException("the data has " + ds.getLabels().size(1) + " label columns "
                        + "but the model has " + units + " outputs " + Arrays.toString(ds.getLabels().shape()));
            }
            BatchOutput out = BatchOutput.of(model.output(ds.getFeatures(), ds.getFeaturesMaskArray()),
                    ds.getFeaturesMaskArray());
            BatchOutput labels = BatchOutput.of(ds.getLabels(), ds.getLabelsMaskArray());
            if (out.perStep() != labels.perStep()) {
                throw new IllegalArgumentException("the model gives an output " + (out.perStep() ? "per step" :
                        "per sequence") + " but the data has labels " + (labels.perStep() ? "per step" : "per sequence"));
            }
            for (int i = 0; i < out.rows(); i++) {
                consumer.accept(out, labels, i);
            }
        }
    }

}
