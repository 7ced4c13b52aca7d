package org.rnnkit.datasets.pairs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * rnnkit's default parallel corpus: English sentences and French translations generated from a small grammar and
 * lexicon written for rnnkit (no copied text). Sentences are {@code subject verb object [preposition phrase].}
 * with what makes translation more than word replacement: adjectives that move after the noun ("the small red cat"
 * → "le petit chat rouge"), gender and number agreement of determiners, adjectives and verbs ("les vieilles
 * voitures blanches"), irregular plurals (mice, chevaux), negation around the verb ("does not like" → "n'aime
 * pas") and contractions ("near the dog" → "près du chien"). Deterministic: the same count and seed give the same
 * pairs; every English sentence occurs once.
 */
public final class GeneratedPairs {
    /** Pairs in the default corpus. */
    public static final int DEFAULT_COUNT = 6000;
    /** Seed of the default corpus. */
    public static final long DEFAULT_SEED = 2024;

    private record Noun(String en, String enPlural, String fr, String frPlural, boolean feminine) {
    }

    /** An adjective's English form and French forms: masculine, feminine, masculine plural, feminine plural. */
    private record Adjective(String en, String... fr) {
    }

    private record Verb(String en3, String en, String fr3, String frPlural) {
    }

    /** A determiner: English singular and plural, French masculine, feminine and plural. */
    private record Determiner(String en, String enPlural, String frMasculine, String frFeminine, String frPlural) {
    }

    /** A preposition and, for "de", whether it contracts with the article (de + le = du, de + les = des). */
    private record Preposition(String en, String fr, boolean de) {
    }

    private static final List<Noun> NOUNS = List.of(
            new Noun("cat", "cats", "chat", "chats", false), new Noun("dog", "dogs", "chien", "chiens", false),
            new Noun("horse", "horses", "cheval", "chevaux", false), new Noun("boy", "boys", "garçon", "garçons", false),
            new Noun("book", "books", "livre", "livres", false), new Noun("rabbit", "rabbits", "lapin", "lapins", false),
            new Noun("fish", "fish", "poisson", "poissons", false),
            new Noun("teacher", "teachers", "professeur", "professeurs", false),
            new Noun("girl", "girls", "fille", "filles", true), new Noun("woman", "women", "femme", "femmes", true),
            new Noun("car", "cars", "voiture", "voitures", true), new Noun("house", "houses", "maison", "maisons", true),
            new Noun("apple", "apples", "pomme", "pommes", true), new Noun("table", "tables", "table", "tables", true),
            new Noun("flower", "flowers", "fleur", "fleurs", true), new Noun("mouse", "mice", "souris", "souris", true));
    /** Adjectives that stay before the noun in French. */
    private static final List<Adjective> BEFORE = List.of(
            new Adjective("small", "petit", "petite", "petits", "petites"),
            new Adjective("big", "grand", "grande", "grands", "grandes"),
            new Adjective("old", "vieux", "vieille", "vieux", "vieilles"),
            new Adjective("pretty", "joli", "jolie", "jolis", "jolies"),
            new Adjective("good", "bon", "bonne", "bons", "bonnes"));
    /** Adjectives that follow the noun in French. */
    private static final List<Adjective> AFTER = List.of(
            new Adjective("red", "rouge", "rouge", "rouges", "rouges"),
            new Adjective("black", "noir", "noire", "noirs", "noires"),
            new Adjective("white", "blanc", "blanche", "blancs", "blanches"),
            new Adjective("green", "vert", "verte", "verts", "vertes"),
            new Adjective("happy", "heureux", "heureuse", "heureux", "heureuses"));
    private static final List<Verb> VERBS = List.of(
            new Verb("sees", "see", "voit", "voient"), new Verb("likes", "like", "aime", "aiment"),
            new Verb("eats", "eat", "mange", "mangent"), new Verb("finds", "find", "trouve", "trouvent"),
            new Verb("wants", "want", "veut", "veulent"), new Verb("watches", "watch", "regarde", "regardent"),
            new Verb("follows", "follow", "suit", "suivent"), new Verb("takes", "take", "prend", "prennent"));
    private static final List<Determiner> DETERMINERS = List.of(
            new Determiner("the", "the", "le", "la", "les"), new Determiner("a", "some", "un", "une", "des"),
            new Determiner("my", "my", "mon", "ma", "mes"), new Determiner("this", "these", "ce", "cette", "ces"),
            new Determiner("your", "your", "ton", "ta", "tes"));
    private static final List<Preposition> PREPOSITIONS = List.of(
            new Preposition("in", "dans", false), new Preposition("near", "près", true),
            new Preposition("with", "avec", false), new Preposition("under", "sous", false),
            new Preposition("behind", "derrière", false));

    private GeneratedPairs() {
    }

    /** The default corpus: {@link #DEFAULT_COUNT} pairs with seed {@link #DEFAULT_SEED}. */
    public static List<SentencePair> defaultCorpus() {
        return generate(DEFAULT_COUNT, DEFAULT_SEED);
    }

    /** {@code count} pairs with distinct English sentences, numbered as lines 1..count. */
    public static List<SentencePair> generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        Random random = new Random(seed);
        Set<String> seen = new LinkedHashSet<>();
        List<SentencePair> pairs = new ArrayList<>(count);
        while (pairs.size() < count) {
            String[] pair = sentence(random);
            if (seen.add(pair[0])) {
                pairs.add(new SentencePair(pair[0], pair[1], pairs.size() + 1));
            }
        }
        return pairs;
    }

    private static String[] sentence(Random r) {
        List<String> en = new ArrayList<>();
        List<String> fr = new ArrayList<>();
        boolean pluralSubject = r.nextInt(3) == 0;
        nounPhrase(r, pluralSubject, en, fr, null);
        Verb verb = VERBS.get(r.nextInt(VERBS.size()));
        String frVerb = pluralSubject ? verb.frPlural : verb.fr3;
        if (r.nextInt(4) == 0) {
            en.add(pluralSubject ? "do" : "does");
            en.add("not");
            en.add(verb.en);
            fr.add(startsWithVowel(frVerb) ? "n'" + frVerb : "ne");
            if (!startsWithVowel(frVerb)) {
                fr.add(frVerb);
            }
            fr.add("pas");
        } else {
            en.add(pluralSubject ? verb.en : verb.en3);
            fr.add(frVerb);
        }
        nounPhrase(r, r.nextInt(3) == 0, en, fr, null);
        if (r.nextInt(3) == 0) {
            Preposition p = PREPOSITIONS.get(r.nextInt(PREPOSITIONS.size()));
            en.add(p.en);
            fr.add(p.fr);
            nounPhrase(r, r.nextInt(3) == 0, en, fr, p);
        }
        return new String[] {capitalized(String.join(" ", en)) + ".", capitalized(String.join(" ", fr)) + "."};
    }

    /** Appends a noun phrase; after "près" the article contracts with "de". */
    private static void nounPhrase(Random r, boolean plural, List<String> en, List<String> fr, Preposition after) {
        Noun noun = NOUNS.get(r.nextInt(NOUNS.size()));
        Determiner det = DETERMINERS.get(r.nextInt(DETERMINERS.size()));
        Adjective before = r.nextInt(3) == 0 ? BEFORE.get(r.nextInt(BEFORE.size())) : null;
        Adjective afterNoun = r.nextInt(3) == 0 ? AFTER.get(r.nextInt(AFTER.size())) : null;
        int form = (plural ? 2 : 0) + (noun.feminine ? 1 : 0);
        en.add(plural ? det.enPlural : det.en);
        if (before != null) {
            en.add(before.en);
        }
        if (afterNoun != null) {
            en.add(afterNoun.en);
        }
        en.add(plural ? noun.enPlural : noun.en);
        String article = plural ? det.frPlural : noun.feminine ? det.frFeminine : det.frMasculine;
        if (after != null && after.de) {
            fr.addAll(contractedDe(article));
        } else {
            fr.add(article);
        }
        if (before != null) {
            fr.add(before.fr[form]);
        }
        fr.add(plural ? noun.frPlural : noun.fr);
        if (afterNoun != null) {
            fr.add(afterNoun.fr[form]);
        }
    }

    /** "de" before an article: du, des (de les), de (de des), d'un, d'une, and "de la", "de mon" as they are. */
    private static List<String> contractedDe(String article) {
        return switch (article) {
            case "le" -> List.of("du");
            case "les" -> List.of("des");
            case "des" -> List.of("de");
            case "un", "une" -> List.of("d'" + article);
            default -> List.of("de", article);
        };
    }

    private static boolean startsWithVowel(String word) {
        return "aeiouyéè".indexOf(word.charAt(0)) >= 0;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
