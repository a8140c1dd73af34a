package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.ReferenceData;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Competences and the course bundles keep DigComp 2.2 in code; they must match reference/digcomp-2.2.csv. */
class CompetencesReferenceTest {

    private final List<Map<String, String>> rows = ReferenceData.csv("digcomp-2.2.csv");

    @Test
    void theCodesAndAreasAreTheTwentyOneOfDigComp22() {
        assertThat(Competences.ALL).containsExactlyElementsOf(rows.stream().map(row -> row.get("code")).toList());
        for (Map<String, String> row : rows) {
            assertThat(Competences.areaKey(row.get("code"))).isEqualTo("courses.digcomp.area." + row.get("area"));
        }
    }

    @Test
    void theGermanAndEnglishTitlesAreTheOnesOfTheReferenceFile() {
        Properties german = ReferenceData.bundle("i18n/courses.properties");
        Properties english = ReferenceData.bundle("i18n/courses_en.properties");
        for (Map<String, String> row : rows) {
            String key = Competences.messageKey(row.get("code"));
            assertThat(german.getProperty(key)).as(key + " in German").isEqualTo(row.get("title_de"));
            assertThat(english.getProperty(key)).as(key + " in English").isEqualTo(row.get("title_en"));
        }
    }

    @Test
    void theAreaTitlesInEnglishAreTheOnesOfTheFramework() {
        String areas = ReferenceData.text("reference/digcomp-2.2-areas-and-levels.md");
        Properties english = ReferenceData.bundle("i18n/courses_en.properties");
        for (Competences.Area area : Competences.AREAS) {
            assertThat(areas).contains(area.code() + " " + english.getProperty(area.messageKey()));
        }
    }
}
