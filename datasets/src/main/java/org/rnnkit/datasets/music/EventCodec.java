package org.rnnkit.datasets.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.SpecialTokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Encodes melodies with one token per event, joint pitch x duration (the tokenisation of most melody language
 * models): ids 0-3 as {@link SpecialTokens} says, then one id for every pair of (REST or a pitch in
 * {@code lowestPitch..highestPitch}) and a duration in {@code durations}. A melody is {@code BOS events... EOS},
 * one token per event, so the model's steps are the music's events (half the steps of {@link MelodyCodec}'s
 * pitch-then-duration tokens). {@link #fit} takes the pitch range and the durations from training melodies; an
 * event outside them encodes as {@code UNK} (counted by {@link #unknownEvents}), which a generator never emits.
 * Immutable.
 */
public final class EventCodec {

    /** The first event id, after the reserved ones. */
    public static final int FIRST_EVENT = SpecialTokens.COUNT;

    private final int stepsPerQuarter;
    private final int lowestPitch;
    private final int highestPitch;
    private final int[] durations;

    /** A codec for pitches {@code lowestPitch..highestPitch} and the given durations (grid steps, any order). */
    public EventCodec(int stepsPerQuarter, int lowestPitch, int highestPitch, int[] durations) {
        if (stepsPerQuarter < 1) {
            throw new IllegalArgumentException("stepsPerQuarter must be >= 1, got " + stepsPerQuarter);
        }
        if (lowestPitch < 0 || highestPitch > 127 || lowestPitch > highestPitch) {
            throw new IllegalArgumentException("pitch range must lie within 0..127, got " + lowestPitch + ".."
                    + highestPitch);
        }
        int[] sorted = Arrays.stream(durations).distinct().sorted().toArray();
        if (sorted.length == 0 || sorted[0] < 1) {
            throw new IllegalArgumentException("durations must be at least one value >= 1 step, got "
                    + Arrays.toString(durations));
        }
        this.stepsPerQuarter = stepsPerQuarter;
        this.lowestPitch = lowestPitch;
        this.highestPitch = highestPitch;
        this.durations = sorted;
    }

    /** The codec covering every pitch between the lowest and highest note and every duration of {@code melodies}. */
    public static EventCodec fit(List<Melody> melodies) {
        if (melodies.isEmpty()) {
            throw new IllegalArgumentException("a codec needs at least one melody to take its pitches and durations from");
        }
        int spq = melodies.get(0).stepsPerQuarter();
        int low = 127;
        int high = 0;
        TreeSet<Integer> steps = new TreeSet<>();
        for (Melody m : melodies) {
            if (m.stepsPerQuarter() != spq) {
                throw new IllegalArgumentException("melodies on different grids: " + spq + " and "
                        + m.stepsPerQuarter() + " steps per quarter");
            }
            for (Melody.Event e : m.events()) {
                steps.add(e.steps());
                if (!e.isRest()) {
                    low = Math.min(low, e.pitch());
                    high = Math.max(high, e.pitch());
                }
            }
        }
        return new EventCodec(spq, low, high, steps.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Grid steps per quarter note of the melodies this codec reads and writes. */
    public int stepsPerQuarter() {
        return stepsPerQuarter;
    }

    /** Lowest pitch with tokens. */
    public int lowestPitch() {
        return lowestPitch;
    }

    /** Highest pitch with tokens. */
    public int highestPitch() {
        return highestPitch;
    }

    /** The durations with tokens, in steps, ascending. */
    public int[] durations() {
        return durations.clone();
    }

    /** Vocabulary size: the reserved ids and one id per (REST or pitch) x duration. */
    public int vocabularySize() {
        return FIRST_EVENT + (highestPitch - lowestPitch + 2) * durations.length;
    }

    /** The token of an event, or {@code UNK} when its pitch or duration has none. */
    public int token(Melody.Event event) {
        int d = Arrays.binarySearch(durations, event.steps());
        int row = event.isRest() ? 0 : event.pitch() - lowestPitch + 1;
        if (d < 0 || (!event.isRest() && (event.pitch() < lowestPitch || event.pitch() > highestPitch))) {
            return SpecialTokens.UNK;
        }
        return FIRST_EVENT + row * durations.length + d;
    }

    /** Whether {@code token} is an event (note or rest). */
    public boolean isEvent(int token) {
        return token >= FIRST_EVENT && token < vocabularySize();
    }

    /** Whether {@code token} is a rest event. */
    public boolean isRest(int token) {
        return isEvent(token) && (token - FIRST_EVENT) / durations.length == 0;
    }

    /** Whether {@code token} is a note event. */
    public boolean isNote(int token) {
        return isEvent(token) && !isRest(token);
    }

    /** The event of an event token. */
    public Melody.Event event(int token) {
        if (!isEvent(token)) {
            throw new IllegalArgumentException("token " + name(token) + " is not an event");
        }
        int row = (token - FIRST_EVENT) / durations.length;
        int steps = durations[(token - FIRST_EVENT) % durations.length];
        return new Melody.Event(row == 0 ? Melody.REST : lowestPitch + row - 1, steps);
    }

    /** {@code BOS events... EOS}; events without a token become {@code UNK}. The grid must match the codec's. */
    public int[] encode(Melody melody) {
        int[] out = new int[melody.events().size() + 2];
        out[0] = SpecialTokens.BOS;
        int i = 1;
        for (Melody.Event e : grid(melody).events()) {
            out[i++] = token(e);
        }
        out[i] = SpecialTokens.EOS;
        return out;
    }

    /** {@code BOS events...} without the end: the start of a melody to continue. */
    public int[] encodePrimer(Melody melody) {
        int[] all = encode(melody);
        return Arrays.copyOf(all, all.length - 1);
    }

    /** Events of {@code melody} that have no token (they would be {@code UNK}). */
    public int unknownEvents(Melody melody) {
        return (int) grid(melody).events().stream().filter(e -> token(e) == SpecialTokens.UNK).count();
    }

    private Melody grid(Melody melody) {
        if (melody.stepsPerQuarter() != stepsPerQuarter) {
            throw new IllegalArgumentException("melody has " + melody.stepsPerQuarter() + " steps per quarter, codec "
                    + stepsPerQuarter);
        }
        return melody;
    }

    /**
     * The melody of a token sequence: a leading BOS is optional, decoding stops at EOS, only PADs may follow it.
     * Anything else that is not an event, or a sequence without a note, is a {@link DataFormatException} naming
     * the position.
     */
    public Melody decode(int[] tokens) {
        List<Melody.Event> events = new ArrayList<>();
        int i = tokens.length > 0 && tokens[0] == SpecialTokens.BOS ? 1 : 0;
        for (; i < tokens.length && tokens[i] != SpecialTokens.EOS && tokens[i] != SpecialTokens.PAD; i++) {
            if (!isEvent(tokens[i])) {
                throw DataFormatException.at("tokens", "position " + i, "a note or rest token, found "
                        + name(tokens[i]));
            }
            events.add(event(tokens[i]));
        }
        for (int j = i + 1; j < tokens.length; j++) {
            if (tokens[j] != SpecialTokens.PAD) {
                throw DataFormatException.at("tokens", "position " + j, "only PAD after the end, found "
                        + name(tokens[j]));
            }
        }
        if (events.stream().allMatch(Melody.Event::isRest)) {
            throw DataFormatException.at("tokens", "position " + i, "at least one note before the end");
        }
        return new Melody(events, stepsPerQuarter);
    }

    /** A readable name of a token: PAD, UNK, BOS, EOS, R/4 (a rest of 4 steps), P60/2 (MIDI 60 for 2 steps). */
    public String name(int token) {
        if (token >= 0 && token < SpecialTokens.COUNT) {
            return new String[] {"PAD", "UNK", "BOS", "EOS"}[token];
        }
        if (!isEvent(token)) {
            return "<" + token + " outside vocabulary>";
        }
        Melody.Event e = event(token);
        return (e.isRest() ? "R" : "P" + e.pitch()) + "/" + e.steps();
    }

    /** JSON form: {@code {"stepsPerQuarter":4,"lowestPitch":52,"highestPitch":93,"durations":[1,2,...]}}. */
    public ObjectNode toJsonNode() {
        ObjectNode node = Json.object();
        node.put("stepsPerQuarter", stepsPerQuarter);
        node.put("lowestPitch", lowestPitch);
        node.put("highestPitch", highestPitch);
        ArrayNode steps = node.putArray("durations");
        Arrays.stream(durations).forEach(steps::add);
        return node;
    }

    /** Parses {@link #toJsonNode()}'s form; a missing or bad field is a {@link DataFormatException}. */
    public static EventCodec fromJson(JsonNode node) {
        String what = "event codec";
        int[] steps = new int[Json.field(node, "durations", what).size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = node.get("durations").get(i).asInt();
        }
        try {
            return new EventCodec(Json.field(node, "stepsPerQuarter", what).asInt(),
                    Json.field(node, "lowestPitch", what).asInt(), Json.field(node, "highestPitch", what).asInt(),
                    steps);
        } catch (IllegalArgumentException e) {
            throw DataFormatException.at(what, "JSON", "a valid codec (" + e.getMessage() + ")");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventCodec c && c.stepsPerQuarter == stepsPerQuarter && c.lowestPitch == lowestPitch
                && c.highestPitch == highestPitch && Arrays.equals(c.durations, durations);
    }

    @Override
    public int hashCode() {
        return ((stepsPerQuarter * 31 + lowestPitch) * 31 + highestPitch) * 31 + Arrays.hashCode(durations);
    }

    @Override
    public String toString() {
        return "EventCodec[" + stepsPerQuarter + " steps/quarter, pitches " + lowestPitch + ".." + highestPitch
                + ", durations " + Arrays.toString(durations) + ", vocabulary " + vocabularySize() + "]";
    }
}
