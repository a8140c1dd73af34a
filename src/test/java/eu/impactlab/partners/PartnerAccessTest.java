package eu.impactlab.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.LabService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** A partner acts only for their own organisation, never sees internal notes, and each role reaches only its pages. */
class PartnerAccessTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LabService labs;

    MockHttpSession alice;
    MockHttpSession bob;
    long aliceRequest;

    @BeforeEach
    void twoOrganisations() throws Exception {
        long n = System.nanoTime();
        alice = PartnerTesting.newPartner(mvc, "Jugendhaus A " + n, "alice" + n, "alice" + n + "@example.org", "de");
        bob = PartnerTesting.newPartner(mvc, "Jugendhaus B " + n, "bob" + n, "bob" + n + "@example.org", "de");
        aliceRequest = PartnerTesting.askForWorkshop(mvc, alice, labs, "Geheimes Thema von A " + n);
    }

    @Test
    void aPartnerNeverSeesOrTouchesAnotherOrganisationsRequest() throws Exception {
        String topic = jdbc.sql("select topic from partner_request where id = ?").param(aliceRequest).query(String.class).single();
        assertThat(page(get("/partner").session(bob))).doesNotContain(topic);
        mvc.perform(get("/partner/requests/" + aliceRequest).session(bob)).andExpect(status().isForbidden());
        mvc.perform(get("/partner/requests/" + aliceRequest + "/calendar.ics").session(bob)).andExpect(status().isForbidden());
        mvc.perform(get("/partner/requests/" + aliceRequest + "/withdraw").session(bob)).andExpect(status().isForbidden());
        mvc.perform(post("/partner/requests/" + aliceRequest + "/messages").session(bob).with(csrf()).param("body", "Hallo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/partner/requests/" + aliceRequest + "/withdraw").session(bob).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select state from partner_request where id = ?").param(aliceRequest).query(String.class).single())
                .isEqualTo("REQUESTED");
        assertThat(jdbc.sql("select count(*) from partner_message where request_id = ?").param(aliceRequest)
                .query(Long.class).single()).isZero();
        assertThat(page(get("/partner").session(alice))).contains(topic);
    }

    @Test
    void aPartnerSeesTheTotalsOfTheirOwnOrganisationWithSmallAgeBandsHidden() throws Exception {
        // the workshop took place with 23 people: 18 aged 12 to 17, 3 teachers (too few to show), 2 older helpers
        jdbc.sql("update partner_request set state = 'SCHEDULED', scheduled_start = now(), scheduled_end = now() + interval '2 hours' where id = ?")
                .param(aliceRequest).update();
        jdbc.sql("update partner_request set state = 'DELIVERED', delivered_at = now() where id = ?").param(aliceRequest).update();
        jdbc.sql("""
                insert into partner_reach_report (request_id, participants, age_under_12, age_12_17, age_18_26, age_27_64,
                    age_65_plus, first_time, languages, duration_minutes, staff_hours, volunteer_hours, devices_lent, filed_by)
                values (?, 23, 0, 18, 0, 3, 2, 9, 'de', 120, 2, 0, 0, 'coordinator')""").param(aliceRequest).update();
        jdbc.sql("update partner_request set state = 'REPORTED' where id = ?").param(aliceRequest).update();

        String own = page(get("/partner").session(alice));
        assertThat(own).as("the organisation's own totals are shown in full")
                .contains("Ihre Zahlen mit den Labs", "1 durchgeführte Angebote mit 23 Teilnehmenden, davon 9 zum ersten Mal")
                .contains("12 bis 17 Jahre</th><td class=\"num\">18</td>")
                .as("a band of 3 and the next smallest one are hidden, so neither follows from the total")
                .contains("27 bis 64 Jahre</th><td class=\"num\">•</td>")
                .contains("65 Jahre und älter</th><td class=\"num\">•</td>")
                .contains("unter 12 Jahre</th><td class=\"num\">0</td>");
        assertThat(page(get("/partner").session(bob))).as("another organisation sees none of it")
                .doesNotContain("Ihre Zahlen mit den Labs").doesNotContain("23 Teilnehmenden");
        assertThat(PartnerService.ageBands(new long[] {0, 12, 7, 9, 5})).extracting(PartnerService.AgeBand::shown)
                .containsExactly("0", "12", "7", "9", "5");
    }

    @Test
    void internalNotesAndInternalLogEntriesAreNeverShownToThePartner() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/partners/requests/" + aliceRequest + "/note").session(coordinator).with(csrf())
                .param("body", "Nur intern: Ansprechpartnerin ist schwer erreichbar")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/partners/requests/" + aliceRequest + "/answer").session(coordinator).with(csrf())
                .param("body", "Wir melden uns bald.")).andExpect(status().is3xxRedirection());
        String partnerPage = page(get("/partner/requests/" + aliceRequest).session(alice));
        assertThat(partnerPage).contains("Wir melden uns bald.").doesNotContain("schwer erreichbar")
                .doesNotContain("Interne Notiz").doesNotContain("coordinator");
        assertThat(page(get("/admin/partners/requests/" + aliceRequest).session(coordinator)))
                .contains("schwer erreichbar").contains("Interne Notiz");
    }

    @Test
    void eachRoleReachesOnlyItsOwnPages() throws Exception {
        mvc.perform(get("/admin/partners").session(alice)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/partners/requests/" + aliceRequest).session(alice)).andExpect(status().isForbidden());
        for (String user : new String[] {"helper", "funder"}) {
            MockHttpSession session = Logins.as(mvc, user);
            mvc.perform(get("/admin/partners").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/partner").session(session)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/partner").session(Logins.as(mvc, "coordinator"))).andExpect(status().isForbidden());
        mvc.perform(get("/partner")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/partners")).andExpect(status().is3xxRedirection());
        // A coordinator of another lab: the demo coordinator acts for Gröpelingen only.
        long otherLab = labs.idOf("vegesack").orElseThrow();
        long otherOrg = jdbc.sql("insert into partner_organisation (name, kind, stadtteil, lab_id) values (?, 'SCHOOL', 'Vegesack', ?) returning id")
                .params("Schule Vegesack " + System.nanoTime(), otherLab).query(Long.class).single();
        long otherRequest = jdbc.sql("""
                insert into partner_request (organisation_id, lab_id, kind, topic, group_size, age_bands, languages, place, created_by)
                values (?, ?, 'WORKSHOP', 'Anderes Lab', 10, 'AGE_12_17', 'de', 'LAB', 0) returning id""")
                .params(otherOrg, otherLab).query(Long.class).single();
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(get("/admin/partners/requests/" + otherRequest).session(coordinator)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/partners/requests/" + otherRequest + "/note").session(coordinator).with(csrf())
                .param("body", "x")).andExpect(status().isForbidden());
    }

    @Test
    void badInputGetsAClearMessageAndNothingIsSaved() throws Exception {
        long before = jdbc.sql("select count(*) from partner_request").query(Long.class).single();
        LocalDate day = PartnerTesting.openDay(labs, 10);
        for (String size : new String[] {"0", "10000", "zwölf"}) {
            assertThat(page(workshop(alice, size, day.toString()))).contains("Zahl der Personen an: 1 bis 200");
        }
        assertThat(page(workshop(alice, "12", LocalDate.now().minusDays(3).toString()))).contains("in der Zukunft");
        LocalDate christmas = MonthDay.of(12, 25).atYear(LocalDate.now().getYear());
        if (!christmas.isAfter(LocalDate.now().plusDays(1))) {
            christmas = christmas.plusYears(1);
        }
        assertThat(page(workshop(alice, "12", christmas.toString()))).contains("ist das Lab geschlossen");
        String answer = page(post("/partner/requests").session(alice).with(csrf()).param("kind", "WORKSHOP")
                .param("topic", "Thema").param("groupSize", "12").param("languages", "tr").param("place", "LAB")
                .param("date1", day.toString()).param("from1", "10:00").param("until1", "12:00")
                .param("date2", day.toString()).param("from2", "14:00").param("until2", "16:00"));
        assertThat(answer).contains("mindestens eine Altersgruppe").contains("value=\"Thema\"");
        assertThat(jdbc.sql("select count(*) from partner_request").query(Long.class).single()).isEqualTo(before);

        long id = PartnerTesting.askForWorkshop(mvc, alice, labs, "<script>alert('x')</script>");
        String shown = page(get("/partner/requests/" + id).session(alice));
        assertThat(shown).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void aTransitionThatIsNotAllowedIsRefusedWithAMessage() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(post("/admin/partners/requests/" + aliceRequest + "/delivered").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/admin/partners/requests/" + aliceRequest).session(coordinator)))
                .contains("beim jetzigen Stand der Anfrage nicht möglich");
        LocalDate day = PartnerTesting.openDay(labs, 12);
        mvc.perform(post("/admin/partners/requests/" + aliceRequest + "/schedule").session(coordinator).with(csrf())
                .param("date", day.toString()).param("from", "10:00").param("until", "12:00")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/partner/requests/" + aliceRequest + "/withdraw").session(alice).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/partner/requests/" + aliceRequest).session(alice))).contains("nicht möglich");
        assertThat(jdbc.sql("select state from partner_request where id = ?").param(aliceRequest).query(String.class).single())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void theSameFormSentTwiceOrTwiceAtOnceMakesOneRequest() throws Exception {
        LocalDate day = PartnerTesting.openDay(labs, 10);
        String key = java.util.UUID.randomUUID().toString();
        long before = jdbc.sql("select count(*) from partner_request").query(Long.class).single();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/partner/requests").session(alice).with(csrf()).param("key", key)
                                    .param("kind", "WORKSHOP").param("topic", "Doppelt gesendet").param("groupSize", "8")
                                    .param("ageBands", "AGE_27_64").param("languages", "de").param("place", "LAB")
                                    .param("date1", day.toString()).param("from1", "10:00").param("until1", "12:00")
                                    .param("date2", day.toString()).param("from2", "14:00").param("until2", "16:00"))
                            .andReturn().getResponse().getRedirectedUrl();
                }));
            }
            start.countDown();
            String first = sent.get(0).get();
            assertThat(sent.get(1).get()).isEqualTo(first).startsWith("/partner/requests/");
        } finally {
            pool.shutdown();
        }
        String again = mvc.perform(post("/partner/requests").session(alice).with(csrf()).param("key", key)
                        .param("kind", "WORKSHOP").param("topic", "Doppelt gesendet").param("groupSize", "8")
                        .param("ageBands", "AGE_27_64").param("languages", "de").param("place", "LAB")
                        .param("date1", day.toString()).param("from1", "10:00").param("until1", "12:00")
                        .param("date2", day.toString()).param("from2", "14:00").param("until2", "16:00"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(again).startsWith("/partner/requests/");
        assertThat(jdbc.sql("select count(*) from partner_request").query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void aPartnerInvitedInTurkishGetsTurkishPagesUntilChoosingAnotherLanguage() throws Exception {
        long n = System.nanoTime() % 100000;
        MockHttpSession ayse = PartnerTesting.newPartner(mvc, "Türkischer Elternverein " + n, "ayse" + n,
                "ayse" + n + "@example.org", "tr");
        var first = mvc.perform(get("/partner").session(ayse).header("Accept-Language", "de-DE"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        jakarta.servlet.http.Cookie chosen = first.getCookie("lang");
        assertThat(chosen).isNotNull();
        assertThat(chosen.getValue()).startsWith("tr");
        String turkish = mvc.perform(get("/partner").session(ayse).cookie(chosen).header("Accept-Language", "de-DE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(turkish).contains("lang=\"tr\"");
        String german = mvc.perform(get("/partner").session(ayse).param("lang", "de").header("Accept-Language", "de-DE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(german).as("the menu's choice wins").contains("lang=\"de\"");
    }

    @Test
    void twoCoordinatorsInvitingTheSameUserNameAtOnceGetOneAccountAndAClearMessage() throws Exception {
        String username = "gleichzeitig" + System.nanoTime() % 100000;
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<org.springframework.mock.web.MockHttpServletResponse>> sent = new java.util.ArrayList<>();
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/admin/partners/invite").session(coordinator).with(csrf())
                            .param("lab", "groepelingen").param("organisation", "Gleichzeitig-Verein " + n + " " + username)
                            .param("organisationKind", "SENIOR_CLUB").param("stadtteil", "Gröpelingen")
                            .param("displayName", "Frau Gleich").param("email", username + n + "@example.org")
                            .param("username", username).param("language", "de")).andReturn().getResponse();
                }));
            }
            start.countDown();
            int invited = 0;
            for (var answer : sent) {
                var response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.getStatus()).as("never a server error").isIn(200, 302);
                if (response.getStatus() == 302) {
                    invited++;
                } else {
                    assertThat(response.getContentAsString()).contains("Diesen Benutzernamen gibt es schon.");
                }
            }
            assertThat(invited).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from partner_organisation where name like ?").param("Gleichzeitig-Verein %" + username)
                .query(Long.class).single()).as("the losers' organisations were not created either").isEqualTo(1);
    }

    private org.springframework.test.web.servlet.RequestBuilder workshop(MockHttpSession who, String size, String day) {
        return post("/partner/requests").session(who).with(csrf()).param("kind", "WORKSHOP").param("topic", "Thema")
                .param("groupSize", size).param("ageBands", "AGE_12_17").param("languages", "de").param("place", "LAB")
                .param("date1", day).param("from1", "10:00").param("until1", "12:00")
                .param("date2", day).param("from2", "14:00").param("until2", "16:00");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
