package org.rnnkit.core.benchmark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's score on held-out data: the task metric's figure and any further named figures (accuracy next to a
 * cross-entropy, for instance).
 *
 * @param score    the figure of the task's {@link Metric}
 * @param details  further figures by name, in report order
 */
public record Evaluation(double score, Map<String, Double> details) {

    public Evaluation {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A score without further figures. */
    public static Evaluation of(double score) {
        return new Evaluation(score, Map.of());
    }
}
