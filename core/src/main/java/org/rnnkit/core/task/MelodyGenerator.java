package org.rnnkit.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rnnkit.core.SequenceModel;
import org.rnnkit.core.decode.DecodeOptions;
import org.rnnkit.core.decode.Decoded;
import org.rnnkit.core.decode.Search;
import org.rnnkit.core.io.ModelBundle;
import org.rnnkit.datasets.DataFormatException;
import org.rnnkit.datasets.Json;
import org.rnnkit.datasets.music.EventCodec;
import org.rnnkit.datasets.music.KeyEstimator;
import org.rnnkit.datasets.music.Melody;
import org.rnnkit.datasets.music.MelodyCorpus;
import org.rnnkit.datasets.music.MelodyGrammar;
import org.rnnkit.datasets.music.MelodyStats;
import org.rnnkit.datasets.music.TuneIndex;
import org.rnnkit.datasets.text.TestSplit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A melody language model ready to generate and to be evaluated: a next-event {@link SequenceModel} over
 * {@link EventCodec} tokens, the codec, whether tunes are moved to a common key first, the tempo to play at, the
 * training tunes (for count baselines and the copy check) and, when training held tunes out for testing, how.
 * Saved and loaded as one file. Generation runs through the shared decoder ({@link Search}) with a
 * {@link MelodyGrammar} as its constraint, so every result is a valid melody of the asked length.
 */
public final class MelodyGenerator {
    private static final String KIND = "melody-generator";
    private static final String CODEC = "event-codec.json";
    private static final String SETTINGS = "melody.json";
    private static final String TRAINING = "training-tunes.txt";
    private static final String TEST_SPLIT = "test-split.json";

    private final SequenceModel model;
    private final EventCodec codec;
    private final boolean commonKey;
    private final double bpm;
    private final List<int[]> training;
    private final TestSplit testSplit;
    private TuneIndex index;

    private MelodyGenerator(SequenceModel model, EventCodec codec, boolean commonKey, double bpm, List<int[]> training,
                            TestSplit testSplit) {
        if (model.spec().input().size() != codec.vocabularySize()) {
            throw new IllegalArgumentException("the model reads " + model.spec().input().size()
                    + " tokens but the codec has " + codec.vocabularySize());
        }
        model.stepper(); // fails now, not at the first generation, if the model cannot generate
        this.model = model;
        this.codec = codec;
        this.commonKey = commonKey;
        this.bpm = bpm;
        this.training = List.copyOf(training);
        this.testSplit = testSplit;
    }

    /**
     * A generator of {@code model} over {@code codec}'s tokens; {@code trainingTunes} are the tunes it was trained
     * on as it saw them (after {@link #prepare}), {@code bpm} the tempo its melodies are played at.
     */
    public static MelodyGenerator of(SequenceModel model, EventCodec codec, boolean commonKey, double bpm,
                                     List<Melody> trainingTunes) {
        return new MelodyGenerator(model, codec, commonKey, bpm, trainingTunes.stream().map(codec::encode).toList(),
                null);
    }

    /** A copy that records how the training data's test part was held out. */
    public MelodyGenerator withTestSplit(TestSplit split) {
        return new MelodyGenerator(model, codec, commonKey, bpm, training, split);
    }

    /** The network and its declaration. */
    public SequenceModel model() {
        return model;
    }

    /** How melodies become tokens. */
    public EventCodec codec() {
        return codec;
    }

    /** Tempo of the training tunes, in quarter notes per minute. */
    public double bpm() {
        return bpm;
    }

    /** Whether melodies are moved to C major or A minor before the model reads them. */
    public boolean commonKey() {
        return commonKey;
    }

    /** How the training data's test part was held out, if it was. */
    public Optional<TestSplit> testSplit() {
        return Optional.ofNullable(testSplit);
    }

    /** The training tunes as token sequences ({@code BOS events EOS}). */
    public List<int[]> trainingTokens() {
        return training;
    }

    /** The melody as the model reads it: on the codec's grid, moved to C major or A minor if {@link #commonKey}. */
    public Melody prepare(Melody melody) {
        if (melody.stepsPerQuarter() != codec.stepsPerQuarter()) {
            throw new IllegalArgumentException("melody on a grid of " + melody.stepsPerQuarter()
                    + " steps per quarter; the model reads " + codec.stepsPerQuarter());
        }
        int shift = shiftOf(melody);
        return shift == 0 ? melody : melody.transpose(shift);
    }

    /** Semitones {@link #prepare} moves the melody by. */
    private int shiftOf(Melody melody) {
        if (!commonKey) {
            return 0;
        }
        int shift = KeyEstimator.shiftToCommonKey(melody);
        return melody.canTranspose(shift) ? shift : 0;
    }

    /** The training tunes' pitch sequences, for {@link MelodyStats}'s copy check. */
    public TuneIndex trainingIndex() {
        if (index == null) {
            index = TuneIndex.of(training.stream().map(codec::decode).toList());
        }
        return index;
    }

    /** {@link MelodyStats} of a melody at this model's tempo, the copy check made against the training tunes. */
    public MelodyStats stats(Melody melody, double tempo) {
        MelodyStats plain = MelodyStats.of(melody, null, tempo);
        return plain.withLongestCopied(trainingIndex().longestSharedRun(prepare(melody)));
    }

    /**
     * Generates one melody per primer (a null primer: from nothing) with {@code search}: each continues its primer
     * with {@code minNotes..maxNotes} new notes (ending early only where the model chooses its end token), and
     * comes back in the primer's key. A primer with a note or duration the model has no token for is a
     * {@link DataFormatException} naming it.
     */
    public List<Melody> generate(List<Melody> primers, int minNotes, int maxNotes, Search search) {
        if (primers.isEmpty()) {
            throw new IllegalArgumentException("nothing to generate: no primers (use a null primer for none)");
        }
        int[][] inputs = new int[primers.size()][];
        int[] shifts = new int[primers.size()];
        MelodyGrammar[] grammars = new MelodyGrammar[primers.size()];
        for (int i = 0; i < inputs.length; i++) {
            Melody primer = primers.get(i);
            if (primer == null) {
                inputs[i] = new int[] {org.rnnkit.datasets.SpecialTokens.BOS};
            } else {
                Melody prepared = prepare(primer);
                shifts[i] = shiftOf(primer);
                checkKnown(prepared, i);
                inputs[i] = codec.encodePrimer(prepared);
            }
            grammars[i] = MelodyGrammar.after(codec, inputs[i], minNotes, maxNotes);
        }
        DecodeOptions options = DecodeOptions.maxLength(grammars[0].maxTokens())
                .withConstraint((input, prefix) -> grammars[input].allowed(prefix));
        List<Decoded> decoded = search.decode(model.stepper(), inputs, options);
        List<Melody> out = new ArrayList<>(inputs.length);
        for (int i = 0; i < inputs.length; i++) {
            int[] generated = decoded.get(i).tokens();
            int[] all = Arrays.copyOf(inputs[i], inputs[i].length + generated.length);
            System.arraycopy(generated, 0, all, inputs[i].length, generated.length);
            Melody melody = codec.decode(all);
            out.add(shifts[i] != 0 && melody.canTranspose(-shifts[i]) ? melody.transpose(-shifts[i]) : melody);
        }
        return out;
    }

    private void checkKnown(Melody prepared, int input) {
        int position = 0;
        for (Melody.Event e : prepared.events()) {
            position++;
            if (codec.token(e) == org.rnnkit.datasets.SpecialTokens.UNK) {
                throw DataFormatException.at("primer " + (input + 1), "event " + position,
                        (e.isRest() ? "a rest" : "a note") + " the model knows: pitches "
                                + MelodyStats.noteName(codec.lowestPitch()) + ".." + MelodyStats.noteName(codec.highestPitch())
                                + (commonKey ? " (after moving the primer to C major or A minor)" : "")
                                + " lasting one of " + Arrays.toString(codec.durations()) + " grid steps, found "
                                + (e.isRest() ? "a rest" : MelodyStats.noteName(e.pitch())) + " of " + e.steps()
                                + " steps");
            }
        }
    }

    /** Perplexity, bits per event and the count baselines on {@code tunes}; see {@link MelodyEvaluation}. */
    public MelodyEvaluation evaluate(List<Melody> tunes) {
        return MelodyEvaluation.of(this, tunes);
    }

    /** Whether {@code corpus} is the data this generator's test split was taken from. */
    public boolean trainedOn(MelodyCorpus corpus) {
        return testSplit != null && testSplit.data().equals(corpus.fingerprint());
    }

    /**
     * The tunes of {@code corpus} to evaluate on: if it is the data this generator was trained on, exactly the part
     * training held out for testing; any other data in full.
     */
    public List<Melody> evaluationPart(MelodyCorpus corpus) {
        if (!trainedOn(corpus)) {
            return corpus.melodies();
        }
        return corpus.tunes().stream().filter(t -> testSplit.holdOut().holdsOut(t.key()))
                .map(MelodyCorpus.Tune::melody).toList();
    }

    /** Writes model, codec, settings and training tunes to one file, atomically. */
    public void save(Path file) throws IOException {
        ObjectNode settings = Json.object().put("commonKey", commonKey).put("bpm", bpm);
        StringBuilder tunes = new StringBuilder();
        for (int[] t : training) {
            for (int i = 0; i < t.length; i++) {
                tunes.append(i == 0 ? "" : " ").append(t[i]);
            }
            tunes.append('\n');
        }
        ModelBundle bundle = PipelineFile.manifest(ModelBundle.of(model), KIND)
                .withText(CODEC, Json.write(codec.toJsonNode()))
                .withText(SETTINGS, Json.write(settings))
                .withText(TRAINING, tunes.toString());
        if (testSplit != null) {
            bundle = bundle.withText(TEST_SPLIT, Json.write(testSplit.toJsonNode()));
        }
        bundle.save(file);
    }

    /** Reads a file written by {@link #save}; anything else (another kind of model, a corrupt file) names the file. */
    public static MelodyGenerator load(Path file) throws IOException {
        PipelineFile f = PipelineFile.open(file, KIND);
        EventCodec codec = f.read(CODEC, json -> EventCodec.fromJson(Json.read(json, CODEC)));
        JsonNode settings = f.read(SETTINGS, json -> Json.read(json, SETTINGS));
        List<int[]> training = f.read(TRAINING, MelodyGenerator::parseTunes);
        TestSplit split = f.readOptional(TEST_SPLIT, json -> TestSplit.fromJson(Json.read(json, TEST_SPLIT)))
                .orElse(null);
        return f.build("pipeline", () -> new MelodyGenerator(f.model(), codec,
                Json.field(settings, "commonKey", SETTINGS).asBoolean(), Json.field(settings, "bpm", SETTINGS).asDouble(),
                training, split));
    }

    private static List<int[]> parseTunes(String text) {
        List<int[]> tunes = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int l = 0; l < lines.length; l++) {
            if (lines[l].isBlank()) {
                continue;
            }
            try {
                tunes.add(Arrays.stream(lines[l].strip().split(" ")).mapToInt(Integer::parseInt).toArray());
            } catch (NumberFormatException e) {
                throw DataFormatException.at(TRAINING, "line " + (l + 1), "token ids separated by spaces");
            }
        }
        return tunes;
    }
}
