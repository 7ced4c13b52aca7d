/**
 * Classification metrics for trained models: {@link org.rnnkit.core.eval.ClassificationReport} gathers DL4J's
 * {@code Evaluation} and ROC over batches and reports accuracy, precision, recall, F1, AUC and the confusion
 * matrix as text or JSON.
 */
package org.rnnkit.core.eval;
