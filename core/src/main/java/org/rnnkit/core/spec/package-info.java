/**
 * Immutable, validated declarations of layers and models, saved as JSON; {@link org.rnnkit.core.spec.LayerSpec} is the extension point for layers of downstream projects.
 */
package org.rnnkit.core.spec;
