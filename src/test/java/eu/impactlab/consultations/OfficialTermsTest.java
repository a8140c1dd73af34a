package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Topic titles keep the German word printed on people's letters beside the translation. */
class OfficialTermsTest extends AbstractIntegrationTest {

    @Autowired
    ConsultationService consultations;

    @Test
    void thePublicServicesTopicNamesWohngeldInEveryLanguage() {
        for (Language language : Language.uiLanguages()) {
            assertThat(consultations.topic("public-services", language).orElseThrow().title())
                    .as(language.tag()).contains("Wohngeld", "BundID");
        }
        assertThat(consultations.topic("public-services", Language.AR).orElseThrow().title())
                .contains("بدل السكن (Wohngeld)", "Kita-Portal");
    }
}
