package eu.impactlab.easylanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** The check status of Leichte Sprache texts: recorded for exact words, lost when the words change, admins only. */
class EasyLanguageChecksTest extends AbstractIntegrationTest {

    @Autowired
    EasyLanguageChecks checks;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetChecks() {
        jdbc.sql("delete from easy_language_check").update();
    }

    @Test
    void aCheckCountsForExactlyTheWordsThatWereCheckedAndAChangedTextIsUncheckedAgain() {
        String lead = "Es gibt 3 Labs in Bremen.\nSie können in jedes Lab gehen.\nEs ist egal, wo Sie wohnen.";
        assertThat(checks.allChecked(Map.of("labs.lead", lead))).isFalse();
        assertThat(checks.recordCheck("labs.lead", "Prüfgruppe Leichte Sprache Bremen", LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(checks.allChecked(Map.of("labs.lead", lead))).isTrue();
        assertThat(checks.allChecked(Map.of("labs.lead", lead, "labs.heading", "Unsere Labs"))).isFalse();
        // The text as it was when checked differs from today's: the check no longer counts.
        jdbc.sql("update easy_language_check set text_hash = ? where message_key = 'labs.lead'")
                .param(EasyLanguageChecks.hash("Ein älterer Text.")).update();
        assertThat(checks.recordCheck("labs.heading", "Prüfgruppe Leichte Sprache Bremen", LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(checks.allChecked(Map.of("labs.lead", lead))).isFalse();
        var changed = checks.texts(EasyLanguageChecks.Filter.CHANGED, "", 1, 50);
        assertThat(changed.texts()).extracting(EasyLanguageChecks.TextStatus::key).containsExactly("labs.lead");
        assertThat(checks.texts(EasyLanguageChecks.Filter.CHECKED, "", 1, 50).texts())
                .extracting(EasyLanguageChecks.TextStatus::key).containsExactly("labs.heading");
        assertThat(checks.recordCheck("no.such.key", "Gruppe", LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(checks.recordCheck("labs.heading", " ", LocalDate.of(2026, 11, 30))).isFalse();
    }

    @Test
    void warningsLeaveOutWhatAPersonJudgedCorrect() {
        assertThat(EasyLanguageChecks.warnings("Der Termin wird gelöscht.\nDas ist nicht schlimm.\nSie könnten kommen."))
                .extracting(EasyLanguageChecks.Warning::kind, EasyLanguageChecks.Warning::word)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EasyLanguageChecks.WarningKind.PASSIVE, "gelöscht"),
                        org.assertj.core.groups.Tuple.tuple(EasyLanguageChecks.WarningKind.NEGATION, "nicht"),
                        org.assertj.core.groups.Tuple.tuple(EasyLanguageChecks.WarningKind.SUBJUNCTIVE, "könnten"));
        // on the allow-list: the polite question, and a sentence whose negation is its message
        assertThat(EasyLanguageChecks.warnings("Möchten Sie einen Termin?\nDie Hilfe kostet nichts.")).isEmpty();
        // the allowed sentence is allowed as a whole, not its negation everywhere
        assertThat(EasyLanguageChecks.warnings("Die Hilfe kostet nichts mehr.")).hasSize(1);
    }

    @Test
    void theUncheckedTextsWithWarningsShowTheirHintsToAdmins() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        var withWarnings = checks.texts(EasyLanguageChecks.Filter.WARNINGS, "", 1, 500).texts();
        assertThat(withWarnings).isNotEmpty().allMatch(t -> !t.warnings().isEmpty() && !t.checked());
        EasyLanguageChecks.TextStatus first = withWarnings.get(0);
        String page = mvc.perform(get("/admin/easy-language").param("status", "WARNINGS").param("q", first.key())
                .session(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ungeprüft, mit Hinweisen", "Hinweise zum Prüfen:",
                "<q lang=\"de\">" + first.warnings().get(0).word() + "</q>");
        // Once checked, the hints are judged: the text leaves the list.
        checks.recordCheck(first.key(), "Prüfgruppe Leichte Sprache Bremen", LocalDate.of(2026, 11, 30));
        assertThat(checks.texts(EasyLanguageChecks.Filter.WARNINGS, first.key(), 1, 50).texts())
                .extracting(EasyLanguageChecks.TextStatus::key).doesNotContain(first.key());
    }

    @Test
    void anAdminSeesEveryTextPagedAndFilteredAndRecordsACheck() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        String list = mvc.perform(get("/admin/easy-language").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Leichte Sprache: Prüfstatus", "Texte: " + String.format(java.util.Locale.GERMANY, "%,d", checks.textCount()), "Seite 1 von ");
        String found = mvc.perform(get("/admin/easy-language").param("q", "labs.lead").session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(found).contains("Texte: 1", "Es gibt 3 Labs in Bremen.", "Ungeprüft");

        mvc.perform(post("/admin/easy-language/check").session(admin).with(csrf()).param("key", "labs.lead")
                .param("group", "Prüfgruppe Leichte Sprache Bremen").param("checkedOn", "2026-11-30").param("q", "labs.lead"))
                .andExpect(status().is3xxRedirection());
        String after = mvc.perform(get("/admin/easy-language").param("q", "labs.lead").param("status", "CHECKED").session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Texte: 1", "Geprüft am 30.11.2026 von Prüfgruppe Leichte Sprache Bremen");

        // Without a group the form says what is missing and records nothing.
        mvc.perform(post("/admin/easy-language/check").session(admin).with(csrf()).param("key", "labs.heading")
                .param("group", "").param("checkedOn", "2026-11-30")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from easy_language_check where message_key = 'labs.heading'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyAdminsMayOpenTheCheckStatus() throws Exception {
        for (String role : new String[] {"coordinator", "helper", "funder"}) {
            mvc.perform(get("/admin/easy-language").session(Logins.as(mvc, role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/easy-language")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aPageInLeichteSpracheWithUncheckedTextsCarriesNoMark() throws Exception {
        String page = mvc.perform(get("/accessibility").param("lang", "ls")).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("class=\"ls-mark\"");
    }
}
