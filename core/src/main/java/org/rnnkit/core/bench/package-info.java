/**
 * The speed harness behind {@code rnnkit speed}: the speed issue's cases ({@link org.rnnkit.core.bench.SpeedCase}),
 * a timed runner against DL4J's own layers ({@link org.rnnkit.core.bench.SpeedBench}) and peak memory
 * ({@link org.rnnkit.core.bench.PeakMemory}).
 */
package org.rnnkit.core.bench;
