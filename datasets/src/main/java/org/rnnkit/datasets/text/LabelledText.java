package org.rnnkit.datasets.text;

/** One text with its class index and where it came from ("file" or "file:line"). */
public record LabelledText(String text, int label, String source) {
}
