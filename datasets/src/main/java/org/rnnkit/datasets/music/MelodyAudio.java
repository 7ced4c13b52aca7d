package org.rnnkit.datasets.music;

import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Renders a melody to a WAV file offline, faster than real time, with the JDK's own software synthesizer (Gervill,
 * {@code com.sun.media.sound.SoftSynthesizer}: its default piano, no sound card needed, works headless). The JDK
 * offers offline rendering only through its internal {@code AudioSynthesizer} interface, so the JVM must run with
 * {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} (the {@code rnnkit} launcher and the test
 * configuration pass it); it is called reflectively because the project compiles with {@code --release 17},
 * which cannot export JDK-internal packages to the compiler.
 */
public final class MelodyAudio {

    /** The JVM option offline rendering needs. */
    public static final String JVM_OPTION = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";
    /** CD quality: 44.1 kHz, 16-bit, stereo. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    /** Time after the last note-off for the sound to die away, in seconds. */
    public static final double RELEASE_SECONDS = 1.0;

    private static final int VELOCITY = 90;

    private MelodyAudio() {
    }

    /**
     * Writes {@code melody} played at {@code bpm} as a WAV file to {@code out}. An {@link IOException} says when
     * this JVM cannot render offline (the option above is missing).
     */
    public static void writeWav(Melody melody, double bpm, OutputStream out) throws IOException {
        if (!(bpm > 0)) {
            throw new IllegalArgumentException("tempo must be positive, got " + bpm);
        }
        Synthesizer synth;
        try {
            synth = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IOException("no software synthesizer in this Java runtime: " + e.getMessage(), e);
        }
        AudioInputStream stream = openStream(synth);
        try {
            Receiver receiver = synth.getReceiver();
            double microsPerStep = 60_000_000.0 / bpm / melody.stepsPerQuarter();
            long step = 0;
            for (Melody.Event e : melody.events()) {
                if (!e.isRest()) {
                    receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 0, e.pitch(), VELOCITY),
                            Math.round(step * microsPerStep));
                    receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, e.pitch(), 0),
                            Math.round((step + e.steps()) * microsPerStep));
                }
                step += e.steps();
            }
            double seconds = step * microsPerStep / 1e6 + RELEASE_SECONDS;
            long frames = Math.round(seconds * FORMAT.getFrameRate());
            AudioSystem.write(new AudioInputStream(stream, FORMAT, frames), AudioFileFormat.Type.WAVE, out);
        } catch (MidiUnavailableException | InvalidMidiDataException e) {
            throw new IOException("the software synthesizer failed: " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    private static AudioInputStream openStream(Synthesizer synth) throws IOException {
        try {
            Class<?> offline = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!offline.isInstance(synth)) {
                throw new IOException("this Java runtime's synthesizer (" + synth.getClass().getName()
                        + ") cannot render offline");
            }
            Method open = offline.getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) open.invoke(synth, FORMAT, null);
        } catch (IllegalAccessException e) {
            throw new IOException("rendering WAV needs the JVM option " + JVM_OPTION
                    + " (the rnnkit launcher passes it)", e);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IOException("this Java runtime has no offline software synthesizer (" + e + ")", e);
        } catch (InvocationTargetException e) {
            throw new IOException("the software synthesizer failed to start: " + e.getCause(), e.getCause());
        }
    }
}
