package org.rnnkit.core.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.rnnkit.datasets.Json;

/**
 * The outcome of {@link Trainer#fit}: per-epoch statistics and where the best validation loss was.
 *
 * @param history      one entry per epoch run (including those before a resume)
 * @param bestEpoch    1-based epoch whose weights the model now holds, 0 without validation
 * @param bestLoss     best validation loss, +infinity without validation
 * @param stoppedEarly whether early stopping ended training before the last epoch
 * @param duration     wall time of this call
 */
public record TrainingResult(List<EpochStats> history, int bestEpoch, double bestLoss, boolean stoppedEarly,
                             Duration duration) {

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

    /**
     * The result as JSON: best epoch and loss, early stopping, seconds, and the loss curve ({@code history}: epoch,
     * trainLoss, validationLoss, seconds, improved per epoch). Losses that are not finite (no validation) are null.
     */
    public ObjectNode toJsonNode() {
        ObjectNode root = Json.object();
        root.put("epochsRun", history.size());
        root.put("bestEpoch", bestEpoch);
        number(root, "bestLoss", bestLoss);
        root.put("stoppedEarly", stoppedEarly);
        root.put("seconds", duration.toMillis() / 1000.0);
        ArrayNode curve = root.putArray("history");
        for (EpochStats e : history) {
            ObjectNode row = curve.addObject().put("epoch", e.epoch());
            number(row, "trainLoss", e.trainLoss());
            number(row, "validationLoss", e.validationLoss());
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
