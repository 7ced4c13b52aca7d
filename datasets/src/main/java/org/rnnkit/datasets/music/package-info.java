/**
 * Melodies: monophonic extraction from MIDI files (skyline, quantised to a grid), a token encoding for
 * language models, key estimation and transposition, MIDI writing, and a small text format for hand-written tunes.
 */
package org.rnnkit.datasets.music;
