/**
 * The benchmark suite behind {@code ./rnnkit bench}: a grid of {@link org.rnnkit.core.benchmark.BenchTask tasks} ×
 * {@link org.rnnkit.core.benchmark.CellVariant cells} × sequence lengths × seeds, each model sized to an equal
 * parameter budget ({@link org.rnnkit.core.benchmark.ParameterBudget}), trained with the {@code Trainer} and scored on
 * held-out data; the gradient-norm probe ({@link org.rnnkit.core.benchmark.GradientProbe}), the clipping experiment,
 * resumable results ({@link org.rnnkit.core.benchmark.BenchResults}) and the published report
 * ({@link org.rnnkit.core.benchmark.BenchReport}). Tasks and cells are interfaces: a downstream project benchmarks its own
 * the same way.
 */
package org.rnnkit.core.benchmark;
