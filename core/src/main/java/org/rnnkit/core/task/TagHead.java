package org.rnnkit.core.task;

import java.util.ArrayList;
import java.util.List;
import org.rnnkit.core.eval.BatchOutput;
import org.rnnkit.core.eval.ClassificationCollector;
import org.rnnkit.core.eval.EvaluationReport;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.datasets.LabelSet;
import org.rnnkit.datasets.SequenceDataset;
import org.rnnkit.datasets.SequenceExample;

/** A class per step: the output side of {@link SequenceTagger}; scoring counts real steps only. */
final class TagHead implements SequenceHead<List<String>, List<String>> {
    private final ClassHead classes;

    TagHead(LabelSet labels, ModelSpec spec) {
        this.classes = new ClassHead(labels, spec, Shape.SEQUENCE);
    }

    @Override
    public List<String> decode(BatchOutput batch, int row) {
        List<String> tags = new ArrayList<>();
        for (double[] step : batch.steps(row)) {
            tags.add(classes.classify(step).label());
        }
        return List.copyOf(tags);
    }

    @Override
    public Pipeline.Scorer<List<String>> scorer() {
        ClassificationCollector collector = new ClassificationCollector(classes.labels().names(), true);
        return new Pipeline.Scorer<>() {
            @Override
            public void add(BatchOutput batch, int row, List<String> target, int index) {
                List<double[]> steps = batch.steps(row);
                if (target == null || target.size() != steps.size()) {
                    throw new IllegalArgumentException("target of input " + index + " has "
                            + (target == null ? 0 : target.size()) + " labels, the sequence has " + steps.size()
                            + " steps");
                }
                collector.sequence();
                for (int t = 0; t < steps.size(); t++) {
                    collector.add(classes.index(target.get(t), index), steps.get(t));
                }
            }

            @Override
            public EvaluationReport report() {
                return collector.report();
            }
        };
    }

    @Override
    public ModelBundle attachTo(ModelBundle bundle) {
        return classes.attachTo(bundle);
    }

    @Override
    public List<String> target(SequenceExample x, SequenceDataset data) {
        if (x.labelOffset() != 0 || x.labels().length != x.length()) {
            throw new IllegalArgumentException(data.name() + " has examples whose labels do not cover every step");
        }
        LabelSet names = data.classes().orElseThrow();
        List<String> tags = new ArrayList<>(x.labels().length);
        for (float[] step : x.labels()) {
            tags.add(names.name(ClassificationCollector.mostProbable(SequencePipeline.toDouble(step))));
        }
        return tags;
    }

    @Override
    public void checkLabels(SequenceDataset data, boolean training) {
        classes.requireClassesOf(data, training);
    }
}
