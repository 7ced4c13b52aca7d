/** Character corpora streamed from disk for character-level language models: vocabulary and next-character windows. */
package org.rnnkit.datasets.chars;
