package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Leichte Sprache message file there is ({@code *_ls.properties}, whoever wrote it) keeps the rules a machine
 * can check: short sentences, one a line, no abbreviations or special characters, digits, dates and times written
 * out, long words split. Keys in src/test/resources/easy-language/allowed-sentences.txt break a rule on purpose.
 */
class EasyLanguageTextsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    static Stream<Path> easyLanguageFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith("_ls.properties")).sorted().toList();
            return found.stream();
        }
    }

    /** The checker itself: each rule catches what it is meant to, and good Leichte Sprache passes. */
    @org.junit.jupiter.api.Test
    void theRulesCatchWhatTheyAreMeantTo() {
        EasyLanguageRules good = new EasyLanguageRules();
        good.check("good", "Ihr Termin ist am 1. März 2026.\nSie kommen um 9:00 Uhr.\nBringen Sie Ihre Kontakt·daten mit."
                + "\nRufen Sie an: 0421 123 45 67\nOder: +49 421 000 00 01\nDas Lab ist in 28237 Bremen.");
        assertThat(good.errors).isEmpty();
        for (String bad : List.of(
                "Bitte bringen Sie alle Unterlagen mit, die Sie für den Antrag beim Amt brauchen werden.",
                "Das ist der erste Satz. Das ist der zweite Satz.",
                "Bringen Sie z. B. Ihr Handy mit.",
                "Die Hilfe ist zu 100 % kostenlos.",
                "Nach § 4 gilt das.",
                "Handy & Computer.",
                "Ihr Termin ist am 01.03.2026.",
                "Sie kommen um 09:00 Uhr.",
                "Sie kommen um 9:00.",
                "Rufen Sie 04211234567 an.",
                "Rufen Sie 0421 1234567 an.",
                "Rufen Sie 0421/123 45 67 an.",
                "Rufen Sie 0421-123 45 67 an.",
                "Das steht in Teil II.",
                "Sie haben drei Tage Zeit.",
                "Das steht in der Datenschutzerklärung.")) {
            EasyLanguageRules rules = new EasyLanguageRules();
            rules.check("bad", bad);
            assertThat(rules.errors).as(bad).isNotEmpty();
        }
        EasyLanguageRules warned = new EasyLanguageRules();
        warned.check("warned", "Der Termin wird gelöscht.\nSie könnten kommen.\nDas ist nicht schlimm.");
        assertThat(warned.errors).isEmpty();
        assertThat(warned.warnings).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("easyLanguageFiles")
    void everyTextKeepsTheRulesOfLeichteSprache(Path file) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Properties allowed = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/easy-language/allowed-sentences.txt")) {
            allowed.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        EasyLanguageRules rules = new EasyLanguageRules();
        for (String key : new TreeSet<>(texts.stringPropertyNames())) {
            if (key.startsWith("format.") || allowed.containsKey(key)) {
                continue;
            }
            rules.check(file.getFileName() + " " + key, texts.getProperty(key));
        }
        if (!rules.warnings.isEmpty()) {
            System.out.println("Leichte Sprache warnings in " + file.getFileName() + " (check by hand):\n"
                    + rules.report(rules.warnings));
        }
        assertThat(rules.errors).as("Leichte Sprache rules broken in %s:\n%s", file, rules.report(rules.errors)).isEmpty();
        assertThat(rules.averageWords()).as("average words per sentence in %s", file)
                .isLessThanOrEqualTo(EasyLanguageRules.MAX_AVERAGE_WORDS);
    }
}
