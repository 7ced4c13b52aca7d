package org.rnnkit.datasets.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits text into word and punctuation tokens: HTML line breaks ({@code <br />}, {@code <br/>}, {@code <br>})
 * become spaces; words are runs of letters and digits, keeping inner apostrophes ({@code don't}, {@code l'ont});
 * every other non-space character is a token of its own. Optionally lower-cases. Immutable and thread-safe.
 */
public final class Tokenizer {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>");

    private final boolean lowerCase;

    private Tokenizer(boolean lowerCase) {
        this.lowerCase = lowerCase;
    }

    /** Lower-casing tokenizer. */
    public static Tokenizer lowerCasing() {
        return new Tokenizer(true);
    }

    /** Case-preserving tokenizer. */
    public static Tokenizer casePreserving() {
        return new Tokenizer(false);
    }

    /** Whether this tokenizer lower-cases text. */
    public boolean lowerCases() {
        return lowerCase;
    }

    /** The tokens of {@code text}. */
    public List<String> tokenize(String text) {
        String s = text.indexOf('<') >= 0 ? BREAKS.matcher(text).replaceAll(" ") : text;
        if (lowerCase) {
            s = s.toLowerCase(Locale.ROOT);
        }
        List<String> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += Character.charCount(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                int start = i;
                i += Character.charCount(cp);
                while (i < n) {
                    int c = s.codePointAt(i);
                    if (Character.isLetterOrDigit(c)) {
                        i += Character.charCount(c);
                    } else if ((c == '\'' || c == '\u2019') && i + 1 < n
                            && Character.isLetterOrDigit(s.codePointAt(i + 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
                tokens.add(s.substring(start, i));
            } else {
                tokens.add(new String(Character.toChars(cp)));
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    @Override
    public String toString() {
        return lowerCase ? "Tokenizer[lower-case]" : "Tokenizer[case-preserving]";
    }
}
