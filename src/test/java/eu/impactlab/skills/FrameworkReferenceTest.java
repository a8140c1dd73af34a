package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.ReferenceData;
import eu.impactlab.labs.Language;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The self-check asks about exactly the 21 competences of DigComp 2.2, three statements each, in every language. */
class FrameworkReferenceTest {

    private final List<Map<String, String>> rows = ReferenceData.csv("digcomp-2.2.csv");

    @Test
    void theCompetencesAndAreasAreTheOnesOfTheReferenceFile() {
        assertThat(Framework.COMPETENCES).containsExactlyElementsOf(rows.stream().map(row -> row.get("code")).toList());
        for (Map<String, String> row : rows) {
            assertThat(Framework.areaOf(row.get("code"))).isEqualTo(row.get("area"));
        }
    }

    @Test
    void theShortCheckAsksOneStatementPerCompetenceAndTheFullCheckThree() {
        assertThat(Questions.of(Questions.Mode.SHORT, List.of())).hasSize(21)
                .extracting(Questions.Question::competence).containsExactlyElementsOf(Framework.COMPETENCES);
        assertThat(Questions.of(Questions.Mode.FULL, List.of())).hasSize(63);
        assertThat(Questions.of(Questions.Mode.COURSE, List.of("4.2", "1.1"))).extracting(Questions.Question::id)
                .containsExactly("1.1-a", "1.1-b", "1.1-c", "4.2-a", "4.2-b", "4.2-c");
    }

    @Test
    void everyStatementIsAnICanSentenceInEveryLanguage() {
        Map<Language, String> start = Map.of(Language.DE, "Ich kann", Language.EN, "I can", Language.PL, "Potrafię",
                Language.RU, "Я умею", Language.UK, "Я вмію", Language.AR, "أستطيع");
        // Leichte Sprache may be partial (a missing statement shows the German one), so it is not required here.
        for (Language language : Language.uiLanguages().stream().filter(l -> l != Language.LS).toList()) {
            Properties bundle = ReferenceData.bundle(language == Language.DE ? "i18n/skills.properties"
                    : "i18n/skills_" + language.tag() + ".properties");
            for (Questions.Question q : Questions.ALL) {
                String text = bundle.getProperty(q.messageKey());
                assertThat(text).as(q.id() + " in " + language.tag()).isNotBlank();
                if (start.containsKey(language)) {
                    assertThat(text).as(q.id() + " in " + language.tag()).startsWith(start.get(language));
                }
            }
        }
    }
}
