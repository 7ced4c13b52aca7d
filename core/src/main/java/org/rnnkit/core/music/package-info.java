/**
 * The melody language model's training recipe and pictures: {@link org.rnnkit.core.music.MelodySettings} (every
 * setting, with defaults), {@link org.rnnkit.core.music.MelodyTrainer} (held-out splits, codec, truncated BPTT over
 * tune streams, early stopping) and {@link org.rnnkit.core.music.PianoRoll}. The trained model itself is the
 * {@link org.rnnkit.core.task.MelodyGenerator} pipeline.
 */
package org.rnnkit.core.music;
