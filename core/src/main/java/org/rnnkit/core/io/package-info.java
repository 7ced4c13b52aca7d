/**
 * Model files: {@link org.rnnkit.core.io.ModelBundle} (network, spec and named attachments in one zip; the model kind reads its own network) and atomic file writes.
 */
package org.rnnkit.core.io;
