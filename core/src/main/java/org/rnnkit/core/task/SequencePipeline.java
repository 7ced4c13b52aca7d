package org.rnnkit.core.task;

import java.util.ArrayList;
import java.util.List;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.core.train.Trainer;
import org.rnnkit.core.train.TrainingResult;
import org.rnnkit.datasets.BatchPlan;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

/**
 * A pipeline over numeric sequences ({@code float[step][feature]}) that also trains and evaluates on a
 * {@link SequenceDataset} in the data's own units: the pipeline normalises what it feeds the network, so the same
 * raw data serves training, evaluation and prediction.
 *
 * @param <T> the known answer of one sequence
 * @param <P> the prediction for one sequence
 */
public abstract class SequencePipeline<T, P> extends Pipeline<float[][], T, P> {

    private final SequenceHead<T, P> output;

    SequencePipeline(String kind, SequenceModel model, VectorInput input, SequenceHead<T, P> output) {
        super(kind, model, input, output);
        this.output = output;
    }

    /** The input side: width and normaliser. */
    @Override
    public VectorInput input() {
        return (VectorInput) super.input();
    }

    /**
     * Trains the model on {@code train} (raw, as read) with early stopping on {@code validation} (null or empty:
     * none), batched by {@code plan}; the validation data is read in order.
     */
    public TrainingResult fit(Trainer trainer, SequenceDataset train, SequenceDataset validation, BatchPlan plan) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException(train.name() + " is empty: nothing to train on");
        }
        SequenceDataset fit = prepare(train);
        SequenceDataset check = validation == null || validation.isEmpty() ? null : prepare(validation);
        return trainer.fit(model(), fit.iterator(plan), check == null ? null
                : check.iterator(BatchPlan.sequential(Math.max(plan.batchSize(), BATCH))));
    }

    /** Metrics of the predictions for every sequence of {@code data} (raw, as read) against its labels. */
    public EvaluationReport evaluate(SequenceDataset data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException(data.name() + " is empty: nothing to evaluate");
        }
        check(data, false);
        List<float[][]> inputs = new ArrayList<>(data.size());
        List<T> targets = new ArrayList<>(data.size());
        for (SequenceExample x : data.examples()) {
            inputs.add(x.features());
            targets.add(output.target(x, data));
        }
        return evaluate(inputs, targets);
    }

    private void check(SequenceDataset data, boolean training) {
        if (data.numFeatures() != input().width()) {
            throw new IllegalArgumentException(data.name() + " has " + data.numFeatures()
                    + " features per step, but the model reads " + input().width());
        }
        boolean perStep = model().spec().outputShape() == Shape.SEQUENCE;
        if (data.perSequenceLabels() == perStep) {
            throw new IllegalArgumentException(data.name() + " has labels " + (perStep ? "per sequence" : "per step")
                    + ", but the model predicts " + (perStep ? "per step" : "per sequence"));
        }
        if (training && data.numOutcomes() != model().spec().output().units()) {
            throw new IllegalArgumentException(data.name() + " has " + data.numOutcomes() + " label columns "
                    + data.classes().map(l -> l.names().toString()).orElse("") + ", but the model has "
                    + model().spec().output().units() + " outputs");
        }
        output.checkLabels(data, training);
    }

    private SequenceDataset prepare(SequenceDataset data) {
        check(data, true);
        List<SequenceExample> ready = new ArrayList<>(data.size());
        for (SequenceExample x : data.examples()) {
            float[][] features = input().normalizer().map(n -> n.transform(x.features())).orElse(x.features());
            ready.add(new SequenceExample(features, output.trainingLabels(x.labels()), x.labelOffset()));
        }
        return data.withExamples(data.name(), ready);
    }

    static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
