/**
 * The text classifier recipe: its settings, declared once ({@link org.rnnkit.core.text.TextClassifierSettings}), the trainer that builds a {@link org.rnnkit.core.task.TextClassifier} from labelled text, the trainer of its n-gram path, and the bag-of-words baseline it is compared with.
 */
package org.rnnkit.core.text;
