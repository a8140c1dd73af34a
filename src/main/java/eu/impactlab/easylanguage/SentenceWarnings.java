package eu.impactlab.easylanguage;

import eu.impactlab.easylanguage.EasyLanguageChecks.Warning;
import eu.impactlab.easylanguage.EasyLanguageChecks.WarningKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hints of Leichte Sprache that need a person to judge: passive voice, subjunctive, genitive and negation are
 * sometimes the clearest way to say a thing, so they are warnings, never errors. Words and sentences that a person
 * judged correct are on {@code easy-language/allowed-warnings.txt}, so the warnings left are worth reading.
 */
final class SentenceWarnings {

    private static final Pattern PASSIVE = Pattern.compile("(?iu)\\b(wird|werden|wurde|wurden|worden)\\b.*\\b(ge\\p{L}+(t|en))\\b");
    private static final Pattern SUBJUNCTIVE = Pattern.compile("(?iu)\\b(würde\\p{L}*|könnte\\p{L}*|hätte\\p{L}*|wäre\\p{L}*|möchte\\p{L}*|müsste\\p{L}*|dürfte\\p{L}*)\\b");
    private static final Pattern GENITIVE = Pattern.compile("(?u)\\b(des|eines|deines|Ihres|meines)\\b");
    private static final Pattern NEGATION = Pattern.compile("(?iu)\\b(nicht|kein\\p{L}*|nie|niemand|nichts)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[^\\d\\s][.!?])\\s+(?=[\\p{Lu}\\d])");

    private static final AllowList ALLOWED = AllowList.load("/easy-language/allowed-warnings.txt");

    private SentenceWarnings() {
    }

    /** The warnings of a text whose lines are its sentences, leaving out allowed words and sentences. */
    static List<Warning> of(String text) {
        List<Warning> found = new ArrayList<>();
        for (String line : text.split("\\n")) {
            for (String sentence : SENTENCE_END.split(line.strip())) {
                if (sentence.isBlank() || ALLOWED.sentences().contains(normal(sentence))) {
                    continue;
                }
                String judged = ALLOWED.withoutWords(sentence);
                find(PASSIVE, 2, judged, sentence, WarningKind.PASSIVE, found);
                find(SUBJUNCTIVE, 1, judged, sentence, WarningKind.SUBJUNCTIVE, found);
                find(GENITIVE, 1, judged, sentence, WarningKind.GENITIVE, found);
                find(NEGATION, 1, judged, sentence, WarningKind.NEGATION, found);
            }
        }
        return found;
    }

    private static void find(Pattern pattern, int group, String judged, String sentence, WarningKind kind, List<Warning> into) {
        Matcher m = pattern.matcher(judged);
        if (m.find()) {
            into.add(new Warning(sentence.strip(), kind, m.group(group)));
        }
    }

    private static String normal(String sentence) {
        return sentence.strip().replaceAll("\\s+", " ").toLowerCase(Locale.GERMAN);
    }

    /** Words (names, words that only look like a hint) and whole sentences a person has judged correct. */
    private record AllowList(Pattern words, Set<String> sentences) {

        String withoutWords(String sentence) {
            return words == null ? sentence : words.matcher(sentence).replaceAll(" ");
        }

        static AllowList load(String resource) {
            Set<String> words = new LinkedHashSet<>();
            Set<String> sentences = new LinkedHashSet<>();
            try (InputStream in = SentenceWarnings.class.getResourceAsStream(resource)) {
                if (in != null) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\n")) {
                        String entry = line.strip();
                        if (entry.startsWith("word:")) {
                            words.add(entry.substring(5).strip());
                        } else if (entry.startsWith("sentence:")) {
                            sentences.add(normal(entry.substring(9)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Pattern anyWord = words.isEmpty() ? null : Pattern.compile("(?iu)(?<![\\p{L}·])("
                    + words.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\p{L}·])");
            return new AllowList(anyWord, Set.copyOf(sentences));
        }
    }
}
