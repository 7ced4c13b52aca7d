import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rnnkit.core.eval.TranslationReport;
import org.rnnkit.core.task.Translator;
import org.rnnkit.core.translate.TranslatorSettings;
import org.rnnkit.datasets.pairs.PairSplit;
import org.rnnkit.datasets.pairs.ParallelData;
import org.rnnkit.datasets.pairs.SentencePair;
import org.rnnkit.datasets.text.HoldOut;
import org.rnnkit.datasets.text.ReversibleTokenizer;
import org.rnnkit.datasets.text.Vocabulary;

/**
 * rnnkit's translation split and vocabularies as plain files, and rnnkit's BLEU of translations made elsewhere, so
 * that bench/pytorch_translate.py trains on exactly the pairs `./rnnkit translate train` trains on (default settings:
 * test and validation parts grouped by source with the default seeds, vocabularies from the training pairs) and is
 * scored by the same {@link TranslationReport}.
 *
 * <pre>
 * java -cp "$(cat apps/target/rnnkit.classpath)" bench/TranslateSplit.java export DATA DIR
 * java -cp "$(cat apps/target/rnnkit.classpath)" bench/TranslateSplit.java score DIR HYPOTHESES
 * </pre>
 * export writes DIR/train.ids and DIR/valid.ids ({@code source ids<TAB>target ids}, no BOS/EOS), DIR/test.tsv
 * ({@code source ids<TAB>source<TAB>target}), DIR/target.vocab (one token a line, line i is id i). score reads
 * HYPOTHESES ({@code source<TAB>target tokens separated by spaces}, one line per distinct test source) and prints the
 * report's figures.
 */
public final class TranslateSplit {
    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("export")) {
            export(Path.of(args[1]), Path.of(args[2]));
        } else if (args.length == 3 && args[0].equals("score")) {
            score(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: TranslateSplit export DATA DIR | score DIR HYPOTHESES");
            System.exit(2);
        }
    }

    private static void export(Path data, Path dir) throws IOException {
        TranslatorSettings s = TranslatorSettings.defaults();
        ParallelData all = ParallelData.open(data);
        ParallelData.Part part = all.trainingPart(new HoldOut(s.testFraction(), s.seed()));
        PairSplit.Parts parts = PairSplit.bySource(part.pairs(), new HoldOut(s.validationFraction(), s.seed() + 1));
        Vocabulary source = Vocabulary.build(parts.kept().stream().map(p -> Translator.sourceTokens(p.source())).toList(),
                s.minFrequency(), s.maxVocabulary());
        Vocabulary target = Vocabulary.build(parts.kept().stream().map(p -> Translator.targetTokens(p.target())).toList(),
                s.minFrequency(), s.maxVocabulary());
        Files.createDirectories(dir);
        write(dir.resolve("train.ids"), ids(parts.kept(), source, target, s.maxLength()));
        write(dir.resolve("valid.ids"), ids(parts.heldOut(), source, target, s.maxLength()));
        List<String> test = new ArrayList<>();
        for (SentencePair p : all.evaluationPart(part.split(), false).pairs()) {
            test.add(join(encode(source, Translator.sourceTokens(p.source()), s.maxLength())) + "\t" + p.source() + "\t"
                    + p.target());
        }
        write(dir.resolve("test.tsv"), test);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            tokens.add(target.token(i));
        }
        write(dir.resolve("target.vocab"), tokens);
        System.out.printf("train %d, valid %d, test %d pairs; vocabularies %d / %d%n", parts.kept().size(),
                parts.heldOut().size(), test.size(), source.size(), target.size());
    }

    private static List<String> ids(List<SentencePair> pairs, Vocabulary source, Vocabulary target, int maxLength) {
        return pairs.stream().map(p -> join(encode(source, Translator.sourceTokens(p.source()), maxLength)) + "\t"
                + join(target.encode(Translator.targetTokens(p.target())))).toList();
    }

    private static int[] encode(Vocabulary v, List<String> tokens, int maxLength) {
        int[] ids = v.encode(tokens);
        return ids.length > maxLength ? Arrays.copyOf(ids, maxLength) : ids;
    }

    private static void score(Path dir, Path hypotheses) throws IOException {
        ReversibleTokenizer detokenizer = new ReversibleTokenizer();
        Map<String, String> translations = new HashMap<>();
        for (String line : Files.readAllLines(hypotheses, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            translations.put(f[0], detokenizer.detokenize(f[1].isBlank() ? List.of() : List.of(f[1].split(" "))));
        }
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("test.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            sources.add(f[1]);
            targets.add(f[2]);
        }
        TranslationReport r = TranslationReport.of(sources, targets, translations, 0);
        System.out.println(r.toJsonNode().toPrettyString());
    }

    private static String join(int[] ids) {
        return Arrays.stream(ids).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
