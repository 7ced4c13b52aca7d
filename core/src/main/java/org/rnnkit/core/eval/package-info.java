/**
 * Evaluation: {@link org.rnnkit.core.eval.EvaluationReport} is the one report type for every task (classification,
 * per-step tagging, regression, language models) with text and JSON forms; collectors build it from plain values,
 * and {@link org.rnnkit.core.eval.Evaluator} runs a model over a {@code DataSetIterator} directly.
 */
package org.rnnkit.core.eval;
