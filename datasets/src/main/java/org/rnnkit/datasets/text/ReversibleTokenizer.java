package org.rnnkit.datasets.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A case-preserving {@link Tokenizer} whose tokens can be joined back into the text they came from, as a decoder's
 * output must be: a token written without a space before it carries the joiner mark {@link #JOINER} (OpenNMT's
 * convention), so "Qu'est-ce que c'est ?" becomes {@code Qu'est ￭- ￭ce que c'est ?} and {@link #detokenize} gives
 * the sentence back with its own spacing (runs of whitespace become one space). Immutable and thread-safe.
 */
public final class ReversibleTokenizer {
    /** Marks a token that was attached to the previous one. */
    public static final String JOINER = "\uFFED";

    private final Tokenizer tokenizer = Tokenizer.casePreserving();

    /** The tokens of {@code text}, those without a space before them marked with {@link #JOINER}. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String chunk : text.strip().split("[\\s\\u00a0\\u202f]+")) {
            List<String> tokens = tokenizer.tokenize(chunk.replace(JOINER, ""));
            for (int i = 0; i < tokens.size(); i++) {
                out.add(i == 0 ? tokens.get(i) : JOINER + tokens.get(i));
            }
        }
        return out;
    }

    /** The text of {@code tokens}: joined by spaces, except before a marked token. */
    public String detokenize(List<String> tokens) {
        StringBuilder text = new StringBuilder();
        for (String token : tokens) {
            boolean attached = token.startsWith(JOINER);
            String word = attached ? token.substring(JOINER.length()) : token;
            if (word.isEmpty()) {
                continue;
            }
            if (text.length() > 0 && !attached) {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "ReversibleTokenizer[case-preserving, joiner " + JOINER + "]";
    }
}
