/**
 * The {@code rnnkit} command line: one picocli entry point ({@link org.rnnkit.apps.Main}) whose subcommands are the demos; apps read options, call core and datasets, and report.
 */
package org.rnnkit.apps;
