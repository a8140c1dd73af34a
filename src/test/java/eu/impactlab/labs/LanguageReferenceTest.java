package eu.impactlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.ReferenceData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Language keeps the platform's languages in Java; they must be the ones in reference/languages.csv. */
class LanguageReferenceTest {

    private final List<Map<String, String>> rows = ReferenceData.csv("languages.csv");

    @Test
    void theUiLanguagesAreTheEightOfTheReferenceFileInItsOrder() {
        assertThat(Language.uiLanguages().stream().map(Language::tag))
                .containsExactlyElementsOf(tags("yes"));
    }

    @Test
    void theHelperLanguagesAreTheOthersOfTheReferenceFile() {
        assertThat(java.util.Arrays.stream(Language.values()).filter(l -> !l.ui()).map(Language::tag))
                .containsExactlyElementsOf(tags("helper language"));
    }

    @Test
    void everyLanguageHasTheNativeNameAndDirectionOfTheReferenceFile() {
        for (Language language : Language.values()) {
            Map<String, String> row = rows.stream().filter(r -> r.get("tag").equals(language.tag())).findFirst()
                    .orElseThrow(() -> new AssertionError(language.tag() + " is not in languages.csv"));
            assertThat(language.nativeName()).as(language.tag()).isEqualTo(row.get("name_native"));
            assertThat(language.direction()).as(language.tag()).isEqualTo(row.get("direction"));
        }
    }

    private List<String> tags(String use) {
        return rows.stream().filter(row -> row.get("ui").equals(use)).map(row -> row.get("tag")).toList();
    }
}
