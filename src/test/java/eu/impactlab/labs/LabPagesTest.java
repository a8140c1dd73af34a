package eu.impactlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.MediaType;

class LabPagesTest extends AbstractIntegrationTest {

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"DE", "EN", "TR", "AR", "RU", "UK", "PL"})
    void homeShowsTheThreeLabsInEveryLanguageWithTheRightDirection(Language language) throws Exception {
        String html = mvc.perform(get("/").param("lang", language.tag()))
                .andExpect(status().isOk())
                .andExpect(cookie().value("lang", language.tag()))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<html lang=\"" + language.tag() + "\" dir=\"" + language.direction() + "\"");
        assertThat(html).contains("Digital Impact Lab Gröpelingen", "Digital Impact Lab Vegesack",
                "Digital Impact Lab Osterholz-Tenever");
        assertThat(html).contains("lang=\"ar\" dir=\"rtl\"", "العربية", "Türkçe", "Українська");
    }

    @Test
    void theLanguageCookieRemembersTheChoice() throws Exception {
        mvc.perform(get("/labs").cookie(new Cookie("lang", "tr")))
                .andExpect(content().string(containsString("<html lang=\"tr\" dir=\"ltr\"")));
    }

    @Test
    void anUnsupportedLanguageFallsBackToGerman() throws Exception {
        mvc.perform(get("/").param("lang", "xx"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"de\" dir=\"ltr\"")));
        mvc.perform(get("/").cookie(new Cookie("lang", "fr")))
                .andExpect(content().string(containsString("<html lang=\"de\" dir=\"ltr\"")));
    }

    @Test
    void theBrowserLanguageIsUsedWhenThereIsNoChoiceYet() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "ar-SY,ar;q=0.9"))
                .andExpect(content().string(containsString("<html lang=\"ar\" dir=\"rtl\"")));
        mvc.perform(get("/").header("Accept-Language", "fr-FR"))
                .andExpect(content().string(containsString("<html lang=\"de\" dir=\"ltr\"")));
    }

    @Test
    void labPageShowsAddressHoursForTwoWeeksAccessibilityAndLanguages() throws Exception {
        String html = mvc.perform(get("/labs/vegesack").param("lang", "de"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Am Bahnhof 1", "28757 Bremen", "Vegesack, Bremen-Nord", "Diese Woche",
                "Nächste Woche", "Aufzug", "Stufenloser Eingang", "Українська", "Demo-Adresse");
        // The demo closure day: the team day next Wednesday.
        assertThat(html).contains("Teamtag");
        assertThat(html.split("<tr", -1).length - 1).as("rows of two week tables incl. headers").isEqualTo(16);
    }

    @Test
    void labTextsFallBackToGermanWhereATranslationIsMissing() throws Exception {
        String html = mvc.perform(get("/labs/groepelingen").param("lang", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Our lab in the heart of Gröpelingen");
    }

    @Test
    void anUnknownLabGivesA404PageInTheUsersLanguageWithAWayBack() throws Exception {
        String html = mvc.perform(get("/labs/atlantis").param("lang", "tr"))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<html lang=\"tr\"", "href=\"/\"");
        assertThat(html).doesNotContain("Diese Seite gibt es nicht");
    }

    @Test
    void apiListsTheLabs() throws Exception {
        mvc.perform(get("/api/v1/labs").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[*].slug", hasItems("groepelingen", "vegesack", "osterholz")))
                .andExpect(jsonPath("$[0].name").value("Digital Impact Lab Gröpelingen"))
                .andExpect(jsonPath("$[0].address.postalCode").value("28237"))
                .andExpect(jsonPath("$[0].district.stadtbezirk").value("West"))
                .andExpect(jsonPath("$[0].district.stadtteil").value("Gröpelingen"))
                .andExpect(jsonPath("$[0].languages", hasItems("de", "tr", "ar")));
    }

    @Test
    void apiDescriptionIsServed() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/labs")));
    }

    @Test
    void healthIsUpWhenTheDatabaseAnswers() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void theLabPageTellsWalkInVisitorsNearTheTopWhenAndHowToComeWithLinksToTheScreenAndToBooking() throws Exception {
        String html = mvc.perform(get("/labs/groepelingen").param("lang", "tr"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int walkIn = html.indexOf("id=\"walk-in\"");
        assertThat(walkIn).as("walk-in section").isPositive().isLessThan(html.indexOf("id=\"where\""));
        assertThat(html.substring(walkIn)).contains("Randevusuz gelin", "Bir numara alırsınız",
                "href=\"/labs/groepelingen/now-serving\"", "href=\"/book\"");
        assertThat(html.substring(walkIn)).containsPattern("(Bugün açık:|Bugün kapalı\\.)");

        String arabic = mvc.perform(get("/labs/groepelingen").param("lang", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(arabic).contains("تعال دون موعد");
    }
}
