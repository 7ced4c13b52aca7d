package org.rnnkit.core.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.rnnkit.datasets.Json;

/**
 * The outcome of {@link Trainer#fit}: per-epoch statistics and which epoch's weights were kept.
 *
 * @param history      one entry per epoch run (including those before a resume)
 * @param bestEpoch    1-based epoch whose weights the model now holds (the best by {@code metric}), 0 without
 *                     validation
 * @param bestLoss     validation loss of that epoch, +infinity without validation
 * @param metric       what chose the best epoch and early stopping followed
 * @param stoppedEarly whether early stopping ended training before the last epoch
 * @param duration     wall time of this call
 */
public record TrainingResult(List<EpochStats> history, int bestEpoch, double bestLoss, StopMetric metric,
                             boolean stoppedEarly, Duration duration) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** Training loss of the first epoch run. */
    public double firstLoss() {
        return history.isEmpty() ? Double.NaN : history.get(0).trainLoss();
    }

    /** Training loss of the last epoch run. */
    public double lastLoss() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss();
    }

    /** Validation accuracy of the kept epoch; NaN unless training followed accuracy. */
    public double bestAccuracy() {
        return bestEpoch == 0 ? Double.NaN : history.stream().filter(e -> e.epoch() == bestEpoch)
                .mapToDouble(EpochStats::validationAccuracy).findFirst().orElse(Double.NaN);
    }

    /**
     * The result as JSON: the metric, the kept (best) epoch with its validation loss and accuracy, early stopping,
     * seconds, and the curve ({@code history}: epoch, trainLoss, validationLoss, validationAccuracy when measured,
     * seconds, improved per epoch). Values that are not finite (no validation) are null.
     */
    public ObjectNode toJsonNode() {
        ObjectNode root = Json.object();
        root.put("epochsRun", history.size());
        root.put("metric", metric.name().toLowerCase(Locale.ROOT));
        root.put("bestEpoch", bestEpoch);
        number(root, "bestLoss", bestLoss);
        if (metric == StopMetric.ACCURACY) {
            number(root, "bestAccuracy", bestAccuracy());
        }
        root.put("stoppedEarly", stoppedEarly);
        root.put("seconds", duration.toMillis() / 1000.0);
        ArrayNode curve = root.putArray("history");
        for (EpochStats e : history) {
            ObjectNode row = curve.addObject().put("epoch", e.epoch());
            number(row, "trainLoss", e.trainLoss());
            number(row, "validationLoss", e.validationLoss());
            if (metric == StopMetric.ACCURACY) {
                number(row, "validationAccuracy", e.validationAccuracy());
            }
            row.put("seconds", e.seconds()).put("improved", e.improved());
        }
        return root;
    }

    /** {@link #toJsonNode()} as indented text. */
    public String toJson() {
        return Json.pretty(toJsonNode());
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name); // JSON has no NaN or infinity
        }
    }
}
