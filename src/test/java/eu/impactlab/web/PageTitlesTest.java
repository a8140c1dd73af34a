package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Page titles fit 70 characters: the site name goes first, then later parts, and only then words are cut. */
class PageTitlesTest {

    @Test
    void aShortTitleStaysAsItIs() {
        assertThat(PageTitles.shorten("Kurse – Digital Impact Labs Bremen")).isEqualTo("Kurse – Digital Impact Labs Bremen");
    }

    @Test
    void theSiteNameGoesFirst() {
        assertThat(PageTitles.shorten("What is your name? – Smartphone basics for older people – Digital Impact Labs Bremen"))
                .isEqualTo("What is your name? – Smartphone basics for older people");
    }

    @Test
    void aLongCourseTitleIsCutAtAWord() {
        String title = PageTitles.shorten("Online-Behördengänge (BundID, Bürgeramt-Termin, Wohngeld, Kita-Portal) ohne Stress erledigen"
                + " – Digital Impact Labs Bremen");
        assertThat(title).hasSizeLessThanOrEqualTo(70).startsWith("Online-Behördengänge (BundID").endsWith("…");
        assertThat(title.substring(0, title.length() - 1)).doesNotEndWith(" ");
    }
}
