/**
 * {@code rnnkit music}: the one-to-many demo — train a melody language model on MIDI files or the shipped tunes,
 * generate new melodies (MIDI, WAV, piano roll) and evaluate it against count baselines.
 */
package org.rnnkit.apps.music;
