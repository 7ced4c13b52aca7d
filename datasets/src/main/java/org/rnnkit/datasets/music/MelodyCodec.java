package org.rnnkit.datasets.music;

import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.SpecialTokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes melodies as token sequences for language models. Fixed vocabulary: ids 0-3 as {@link SpecialTokens}
 * says ({@code PAD}, {@code UNK} (reserved, never produced), {@code BOS}, {@code EOS}), 4 {@code REST}, 5..132
 * pitches 0..127, then durations of 1..{@code maxDuration} steps. Each
 * event is its pitch (or REST) token followed by one or more duration tokens whose steps add up (a note longer
 * than {@code maxDuration} gets several). A sequence is {@code BOS events... EOS}. Immutable.
 */
public final class MelodyCodec {

    /** Padding token, {@link SpecialTokens#PAD}. */
    public static final int PAD = SpecialTokens.PAD;
    /** Begin-of-melody token, {@link SpecialTokens#BOS}. */
    public static final int BOS = SpecialTokens.BOS;
    /** End-of-melody token, {@link SpecialTokens#EOS}. */
    public static final int EOS = SpecialTokens.EOS;
    /** Rest token, the first after the reserved ones. */
    public static final int REST = SpecialTokens.COUNT;
    private static final int FIRST_PITCH = REST + 1;
    private static final int FIRST_DURATION = FIRST_PITCH + 128;

    private final int maxDuration;
    private final int stepsPerQuarter;

    /** A codec for melodies on a grid of {@code stepsPerQuarter}, durations tokens up to {@code maxDuration}. */
    public MelodyCodec(int stepsPerQuarter, int maxDuration) {
        if (maxDuration < 1 || stepsPerQuarter < 1) {
            throw new IllegalArgumentException("stepsPerQuarter and maxDuration must be >= 1");
        }
        this.stepsPerQuarter = stepsPerQuarter;
        this.maxDuration = maxDuration;
    }

    /** Vocabulary size V. */
    public int vocabularySize() {
        return FIRST_DURATION + maxDuration;
    }

    /** The token of a MIDI pitch. */
    public static int pitchToken(int pitch) {
        return FIRST_PITCH + pitch;
    }

    /** The token of a duration of 1..maxDuration steps. */
    public int durationToken(int steps) {
        if (steps < 1 || steps > maxDuration) {
            throw new IllegalArgumentException("duration token for 1.." + maxDuration + " steps, got " + steps);
        }
        return FIRST_DURATION + steps - 1;
    }

    /** {@code BOS events... EOS}. The melody's grid must match the codec's. */
    public int[] encode(Melody melody) {
        if (melody.stepsPerQuarter() != stepsPerQuarter) {
            throw new IllegalArgumentException("melody has " + melody.stepsPerQuarter()
                    + " steps per quarter, codec " + stepsPerQuarter);
        }
        List<Integer> out = new ArrayList<>();
        out.add(BOS);
        for (Melody.Event e : melody.events()) {
            out.add(e.isRest() ? REST : pitchToken(e.pitch()));
            for (int left = e.steps(); left > 0; left -= maxDuration) {
                out.add(durationToken(Math.min(left, maxDuration)));
            }
        }
        out.add(EOS);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The melody of a token sequence (a leading BOS is optional, decoding stops at EOS, trailing PADs are
     * allowed). A malformed sequence is a {@link DataFormatException} naming the token position.
     */
    public Melody decode(int[] tokens) {
        List<Melody.Event> events = new ArrayList<>();
        int i = tokens.length > 0 && tokens[0] == BOS ? 1 : 0;
        while (i < tokens.length && tokens[i] != EOS && tokens[i] != PAD) {
            int t = tokens[i];
            if (t != REST && (t < FIRST_PITCH || t >= FIRST_DURATION)) {
                throw DataFormatException.at("tokens", "position " + i, "a pitch or REST token, found "
                        + name(t));
            }
            int pitch = t == REST ? Melody.REST : t - FIRST_PITCH;
            int steps = 0;
            i++;
            while (i < tokens.length && tokens[i] >= FIRST_DURATION && tokens[i] < vocabularySize()) {
                steps += tokens[i] - FIRST_DURATION + 1;
                i++;
            }
            if (steps == 0) {
                throw DataFormatException.at("tokens", "position " + i, "a duration token after "
                        + name(t) + ", found " + (i < tokens.length ? name(tokens[i]) : "the end"));
            }
            events.add(new Melody.Event(pitch, steps));
        }
        for (int j = i + 1; j < tokens.length; j++) {
            if (tokens[j] != PAD) {
                throw DataFormatException.at("tokens", "position " + j, "only PAD after the end, found "
                        + name(tokens[j]));
            }
        }
        if (events.stream().allMatch(Melody.Event::isRest)) {
            throw DataFormatException.at("tokens", "position " + i, "at least one note before the end");
        }
        return new Melody(events, stepsPerQuarter);
    }

    /** A readable name of a token: PAD, UNK, BOS, EOS, REST, P60, D4... */
    public String name(int token) {
        if (token == PAD) {
            return "PAD";
        } else if (token == SpecialTokens.UNK) {
            return "UNK";
        } else if (token == BOS) {
            return "BOS";
        } else if (token == EOS) {
            return "EOS";
        } else if (token == REST) {
            return "REST";
        } else if (token >= FIRST_PITCH && token < FIRST_DURATION) {
            return "P" + (token - FIRST_PITCH);
        } else if (token >= FIRST_DURATION && token < vocabularySize()) {
            return "D" + (token - FIRST_DURATION + 1);
        }
        return "<" + token + " outside vocabulary>";
    }

    @Override
    public String toString() {
        return "MelodyCodec[" + stepsPerQuarter + " steps/quarter, durations 1.." + maxDuration + ", vocabulary "
                + vocabularySize() + "]";
    }
}
