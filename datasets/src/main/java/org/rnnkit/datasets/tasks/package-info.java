/** Seeded generators of reference tasks: adding problem, copy memory, synthetic control charts. */
package org.rnnkit.datasets.tasks;
