/**
 * The text classifier recipe: its settings, declared once ({@link org.rnnkit.core.text.TextClassifierSettings}), and the trainer that builds a {@link org.rnnkit.core.task.TextClassifier} from labelled text.
 */
package org.rnnkit.core.text;
