package org.rnnkit.datasets.music;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.StrictText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's small text format for hand-written tunes, e.g. {@code C4 1/4, D#4 1/8, Eb4 1/8., R 1/4}.
 * <ul>
 * <li>Items are separated by commas and/or line ends; {@code %} starts a comment to the end of the line.</li>
 * <li>An item is a pitch and a duration separated by spaces. Pitch: a letter {@code A}-{@code G}, an optional
 * {@code #} or {@code b}, and an octave number (scientific pitch: {@code C4} = MIDI 60, {@code A4} = 69), or
 * {@code R} for a rest.</li>
 * <li>Duration: a fraction of a whole note, {@code n} or {@code n/m} ({@code 1/4} = quarter), optionally
 * followed by {@code .} (dotted: x1.5). It must be a whole number of grid steps.</li>
 * </ul>
 * Errors name the line and column. {@link #format} writes the same format (sharps, 8 items per line).
 */
public final class NoteText {

    private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final int[] LETTER_PC = {9, 11, 0, 2, 4, 5, 7};

    private NoteText() {
    }

    /** Parses a file. */
    public static Melody parse(Path file, int stepsPerQuarter) {
        return parse(StrictText.readAll(file), stepsPerQuarter, file.toString());
    }

    /** Parses text; {@code source} names it in errors. */
    public static Melody parse(String text, int stepsPerQuarter, String source) {
        List<Melody.Event> events = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            int comment = line.indexOf('%');
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            int col = 0;
            for (String item : line.split(",", -1)) {
                int lead = 0;
                while (lead < item.length() && Character.isWhitespace(item.charAt(lead))) {
                    lead++;
                }
                if (lead < item.length()) {
                    events.add(item(item.strip(), stepsPerQuarter, source, l + 1, col + lead + 1));
                }
                col += item.length() + 1;
            }
        }
        if (events.stream().allMatch(Melody.Event::isRest)) {
            throw DataFormatException.at(source, "line " + lines.length, "at least one note");
        }
        return new Melody(events, stepsPerQuarter);
    }

    private static Melody.Event item(String item, int spq, String source, int line, int column) {
        String[] parts = item.split("\\s+");
        if (parts.length != 2) {
            throw err(source, line, column, "a pitch and a duration (e.g. \"C4 1/4\"), found \"" + item + "\"");
        }
        int pitch = pitch(parts[0], source, line, column);
        int durColumn = column + item.indexOf(parts[1], parts[0].length());
        return new Melody.Event(pitch, steps(parts[1], spq, source, line, durColumn));
    }

    private static int pitch(String p, String source, int line, int column) {
        if (p.equals("R")) {
            return Melody.REST;
        }
        char letter = p.charAt(0);
        if (letter < 'A' || letter > 'G') {
            throw err(source, line, column, "a pitch letter A-G or R, found \"" + p + "\"");
        }
        int pc = LETTER_PC[letter - 'A'];
        int i = 1;
        if (i < p.length() && (p.charAt(i) == '#' || p.charAt(i) == 'b')) {
            pc += p.charAt(i) == '#' ? 1 : -1;
            i++;
        }
        int octave;
        try {
            octave = Integer.parseInt(p.substring(i));
        } catch (NumberFormatException e) {
            throw err(source, line, column + i, "an octave number after \"" + p.substring(0, i) + "\"");
        }
        int midi = (octave + 1) * 12 + pc;
        if (midi < 0 || midi > 127) {
            throw err(source, line, column, "a pitch within MIDI 0..127 (C-1..G9), found \"" + p + "\"");
        }
        return midi;
    }

    private static int steps(String d, int spq, String source, int line, int column) {
        boolean dotted = d.endsWith(".");
        String f = dotted ? d.substring(0, d.length() - 1) : d;
        long num;
        long den;
        try {
            int slash = f.indexOf('/');
            num = Long.parseLong(slash < 0 ? f : f.substring(0, slash));
            den = slash < 0 ? 1 : Long.parseLong(f.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw err(source, line, column, "a duration n or n/m (fraction of a whole note), found \"" + d + "\"");
        }
        if (num <= 0 || den <= 0) {
            throw err(source, line, column, "a positive duration, found \"" + d + "\"");
        }
        long top = num * 4L * spq * (dotted ? 3 : 2);
        long bottom = den * 2;
        if (top % bottom != 0) {
            throw err(source, line, column, "a duration of whole grid steps (1/" + (4 * spq) + " notes), found \""
                    + d + "\"");
        }
        return (int) (top / bottom);
    }

    private static DataFormatException err(String source, int line, int column, String expected) {
        return DataFormatException.at(source, "line " + line + ", column " + column, expected);
    }

    /** The melody in this format. */
    public static String format(Melody melody) {
        StringBuilder sb = new StringBuilder();
        int perWhole = 4 * melody.stepsPerQuarter();
        int i = 0;
        for (Melody.Event e : melody.events()) {
            if (i > 0) {
                sb.append(i % 8 == 0 ? ",\n" : ", ");
            }
            sb.append(e.isRest() ? "R" : SHARP_NAMES[e.pitch() % 12] + (e.pitch() / 12 - 1));
            long g = gcd(e.steps(), perWhole);
            long num = e.steps() / g;
            long den = perWhole / g;
            sb.append(' ').append(num).append(den == 1 ? "" : "/" + den);
            i++;
        }
        return sb.append('\n').toString();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
