package eu.impactlab.web;

import eu.impactlab.easylanguage.EasyLanguageChecks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of Leichte Sprache that a machine can check (Netzwerk Leichte Sprache, Inclusion Europe, DIN SPEC 33429),
 * applied to one text: a message or the visible text of a page. Errors fail the build; warnings are only printed
 * (EasyLanguageChecks.warnings, with its allow-list), because passive voice, subjunctive, genitive and negation are
 * sometimes the clearest way to say a thing.
 */
final class EasyLanguageRules {

    static final int MAX_WORDS = 12;
    static final double MAX_AVERAGE_WORDS = 10.0;
    static final int MAX_PLAIN_LETTERS = 14;

    private static final Pattern ABBREVIATION = Pattern.compile("(?u)(?<![\\p{L}])([zZ]\\.\\s?B\\.|bzw\\.|ggf\\.|ggfs\\.|usw\\."
            + "|[dD]\\.\\s?h\\.|[cC]a\\.|inkl\\.|evtl\\.|u\\.\\s?a\\.|etc\\.|vgl\\.|bspw\\.|sog\\.|zzgl\\.|o\\.\\s?ä\\.|u\\.\\s?U\\."
            + "|Nr\\.|Tel\\.|Str\\.|max\\.|min\\.|Std\\.|Mo\\.|Di\\.|Mi\\.|Do\\.|Fr\\.|Sa\\.|So\\.|MB\\b|KB\\b|PLZ\\b|WCAG\\b|BITV\\b)");
    private static final Pattern SPECIAL = Pattern.compile("[%§&]");
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b\\d{1,2}\\.\\d{1,2}\\.(\\d{2,4})?(?!\\d)");
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b(\\s*(Uhr|bis))?");
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<![\\d{])\\d{6,}");
    /** A phone number: a country or area code, then more digit groups; each group after it has at most 4 digits. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\d.,:])(\\+\\d{2}|0\\d{2,4})((?:[ \\u00a0/\\-]+\\d+)+)");
    private static final Pattern PHONE_GROUP = Pattern.compile("[/\\-]|\\d{5,}");
    private static final Pattern ROMAN = Pattern.compile("(?<![\\p{L}])(II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XX)(?![\\p{L}])");
    private static final Pattern NUMBER_WORD = Pattern.compile("(?iu)(?<![\\p{L}])(zwei|drei|vier|fünf|sechs|sieben|acht|neun"
            + "|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend)(?![\\p{L}])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}{}@·\\-]*[\\p{L}\\p{N}][\\p{L}\\p{N}{}@·\\-.]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[^\\d\\s][.!?])\\s+(?=[\\p{Lu}\\d])");

    private static final Set<String> ALLOWED_LONG = load("allowed-long-words.txt");

    record Finding(String where, String sentence, String problem) {
        @Override
        public String toString() {
            return where + ": " + problem + " in \"" + sentence + "\"";
        }
    }

    final List<Finding> errors = new ArrayList<>();
    final List<Finding> warnings = new ArrayList<>();
    private int sentences;
    private int words;

    /** A text whose lines are its sentences (a message; a page's text broken at its blocks). */
    void check(String where, String text) {
        for (String line : text.split("\\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = SENTENCE_END.split(trimmed);
            if (parts.length > 1) {
                errors.add(new Finding(where, trimmed, "more than one sentence on a line"));
            }
            for (String sentence : parts) {
                sentence(where, sentence);
            }
        }
    }

    private void sentence(String where, String sentence) {
        List<String> found = words(sentence);
        if (found.isEmpty()) {
            return;
        }
        sentences++;
        words += found.size();
        if (found.size() > MAX_WORDS) {
            errors.add(new Finding(where, sentence, found.size() + " words (at most " + MAX_WORDS + ")"));
        }
        String running = sentence.replaceAll("\\{\\d[^}]*}", "");
        find(ABBREVIATION, running, where, sentence, "abbreviation", errors);
        find(SPECIAL, running, where, sentence, "special character", errors);
        find(NUMERIC_DATE, running, where, sentence, "date in digits (write 1. März 2026)", errors);
        find(LONG_DIGITS, running, where, sentence, "long number without groups", errors);
        find(NUMBER_WORD, running, where, sentence, "number as a word (write digits)", errors);
        find(ROMAN, running, where, sentence, "Roman numeral (write digits)", errors);
        Matcher phone = PHONE.matcher(running);
        while (phone.find()) {
            if (PHONE_GROUP.matcher(phone.group(2)).find()) {
                errors.add(new Finding(where, sentence, "phone number \"" + phone.group() + "\" (groups with spaces: 0421 123 45 67)"));
            }
        }
        Matcher time = TIME.matcher(running);
        while (time.find()) {
            if (time.group(1).length() == 2 && time.group(1).startsWith("0") || time.group(3) == null) {
                errors.add(new Finding(where, sentence, "time \"" + time.group() + "\" (write 9:00 Uhr)"));
            }
        }
        for (String word : found) {
            String letters = word.replaceAll("[^\\p{L}]", "");
            // an e-mail address is written as it is, not split like a word
            if (letters.length() > MAX_PLAIN_LETTERS && !word.contains("·") && !word.contains("-") && !word.contains("@")
                    && !ALLOWED_LONG.contains(letters.toLowerCase())) {
                errors.add(new Finding(where, sentence, "long word \"" + word + "\" (split it with a Mediopunkt)"));
            }
        }
        // the same hints, with the same allow-list, as the admins' list of texts shows
        EasyLanguageChecks.warnings(sentence).forEach(w -> warnings.add(new Finding(where, sentence,
                w.kind().name().toLowerCase() + " \"" + w.word() + "\"")));
    }

    double averageWords() {
        return sentences == 0 ? 0 : (double) words / sentences;
    }

    int sentences() {
        return sentences;
    }

    String report(List<Finding> findings) {
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }

    static List<String> words(String sentence) {
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static void find(Pattern pattern, String text, String where, String sentence, String problem,
            List<Finding> into) {
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            into.add(new Finding(where, sentence, problem + " \"" + m.group() + "\""));
        }
    }

    private static Set<String> load(String name) {
        try (InputStream in = EasyLanguageRules.class.getResourceAsStream("/easy-language/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\\n")).map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(String::toLowerCase).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
