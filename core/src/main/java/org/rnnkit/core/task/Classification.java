package org.rnnkit.core.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A predicted class: the most probable label, its probability, and every label's probability in the model's
 * class order.
 *
 * @param label         the most probable class
 * @param probability   its probability
 * @param probabilities every class's probability, by name, in class order (unmodifiable)
 */
public record Classification(String label, double probability, Map<String, Double> probabilities) {

    /** Copies the probabilities. */
    public Classification {
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    static Classification of(List<String> labels, double[] p) {
        Map<String, Double> byName = new LinkedHashMap<>();
        int best = org.rnnkit.core.eval.ClassificationCollector.mostProbable(p);
        for (int c = 0; c < p.length; c++) {
            byName.put(labels.get(c), p[c]);
        }
        return new Classification(labels.get(best), p[best], byName);
    }
}
