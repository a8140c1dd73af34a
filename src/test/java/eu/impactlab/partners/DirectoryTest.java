package eu.impactlab.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The neighbourhood directory: only reviewed, published and confirmed entries are public, unpublishing takes effect
 * with the next request, no step outside the review rules happens (service and database), a script in a description
 * stays text, a partner edits only their own organisation's entry, reports reach the coordinators, and the yearly
 * confirmation hides an entry after 12 months and asks the organisation once.
 */
class DirectoryTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DirectoryJob job;

    MockHttpSession partner;
    MockHttpSession coordinator;
    String organisation;
    String email;

    @BeforeEach
    void aNewPartner() throws Exception {
        long n = System.nanoTime();
        organisation = "Verzeichnis-Test " + n;
        email = "dir" + n + "@example.org";
        partner = PartnerTesting.newPartner(mvc, organisation, "dir" + n, email, "tr");
        coordinator = Logins.as(mvc, "coordinator");
    }

    private long submit(MockHttpSession who, String description) throws Exception {
        Long existing = jdbc.sql("select e.id from partner_directory_entry e join partner_organisation o on o.id = e.organisation_id "
                + "where o.name = ?").param(organisation).query(Long.class).optional().orElse(null);
        mvc.perform(post(existing == null ? "/partner/directory" : "/partner/directory/" + existing).session(who).with(csrf()).param("description", description)
                        .param("openingHours", "Mo 10–12").param("offers", "REPAIR_CAFE").param("languages", "de", "tr")
                        .param("accessibility", "STEP_FREE").param("website", "https://verein.example.org")
                        .param("contactEmail", "info@verein.example.org"))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select e.id from partner_directory_entry e join partner_organisation o on o.id = e.organisation_id "
                + "where o.name = ?").param(organisation).query(Long.class).single();
    }

    private void publish(long id) throws Exception {
        mvc.perform(post("/admin/partners/directory/" + id + "/publish").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theDemoListsTwelveOrganisationsAcrossWestNordAndOstAndTheSchoolWaitsForReview() {
        // the demo organisations of the partner requests come first (their demo data runs before the directory's)
        assertThat(jdbc.sql("""
                select count(*) from partner_directory_entry e join partner_organisation o on o.id = e.organisation_id
                where o.name like '%(Demo)' and e.state = 'PUBLISHED'""").query(Long.class).single()).isEqualTo(12);
        assertThat(jdbc.sql("""
                select e.state from partner_directory_entry e join partner_organisation o on o.id = e.organisation_id
                where o.name = 'Oberschule am Waller Ring (Demo)'""").query(String.class).single()).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void onlyAPublishedEntryIsPublicAndUnpublishingTakesEffectWithTheNextRequest() throws Exception {
        long id = submit(partner, "Wir reparieren Fahrräder.");
        assertThat(state(id)).isEqualTo("PENDING_REVIEW");
        mvc.perform(get("/partners/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/partners").param("stadtteil", "Gröpelingen").param("offer", "REPAIR_CAFE")))
                .doesNotContain(organisation);
        assertThat(page(get("/admin/partners/directory").session(coordinator))).contains(organisation);

        publish(id);
        assertThat(page(get("/partners/" + id))).contains(organisation).contains("rel=\"nofollow noopener\"");
        String list = page(get("/partners").param("stadtteil", "Gröpelingen").param("offer", "REPAIR_CAFE").param("language", "tr"));
        assertThat(list).contains(organisation);
        assertThat(page(get("/partners").param("offer", "INTERNSHIPS").param("stadtteil", "Gröpelingen"))).doesNotContain(organisation);
        assertThat(page(get("/partners"))).as("the map links to the Stadtteil").contains("/partners?stadtteil=Gr%C3%B6pelingen");

        mvc.perform(post("/admin/partners/directory/" + id + "/unpublish").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/partners/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/partners").param("stadtteil", "Gröpelingen").param("offer", "REPAIR_CAFE"))).doesNotContain(organisation);
        assertThat(audit(id)).contains("DIRECTORY_PENDING_REVIEW", "DIRECTORY_PUBLISHED", "DIRECTORY_DRAFT");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and subject = 'Mahalle rehberindeki kaydınız'")
                .param(email).query(Long.class).single()).as("published and unpublished, in the partner's language").isEqualTo(2);
    }

    @Test
    void noStepOutsideTheReviewRulesHappensInTheServiceOrTheDatabase() throws Exception {
        long id = submit(partner, "Ein Treffpunkt.");
        // The service: publishing or rejecting what is not waiting for review is refused with a message.
        publish(id);
        mvc.perform(post("/admin/partners/directory/" + id + "/publish").session(coordinator).with(csrf()))
                .andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("partners.error.notAllowed"));
        mvc.perform(post("/admin/partners/directory/" + id + "/reject").session(coordinator).with(csrf()).param("reason", "Nein"))
                .andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("partners.error.notAllowed"));
        assertThat(state(id)).isEqualTo("PUBLISHED");
        // A rejection needs a reason, also in the database.
        submit(partner, "Ein Treffpunkt, geändert.");
        mvc.perform(post("/admin/partners/directory/" + id + "/reject").session(coordinator).with(csrf()).param("reason", " "))
                .andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("partners.error.rejectReason"));
        assertThat(state(id)).isEqualTo("PENDING_REVIEW");
        assertThatThrownBy(() -> jdbc.sql("update partner_directory_entry set state = 'REJECTED' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class);

        // Every pair of states: the database allows exactly the steps the service's rules allow.
        for (Directory.State from : Directory.State.values()) {
            for (Directory.State to : Directory.State.values()) {
                if (from == to) {
                    continue;
                }
                reach(id, from);
                boolean moved;
                try {
                    jdbc.sql("update partner_directory_entry set state = ?, reject_reason = 'Grund' where id = ?")
                            .params(to.name(), id).update();
                    moved = true;
                } catch (DataAccessException e) {
                    moved = false;
                }
                assertThat(moved).as(from + " → " + to).isEqualTo(from.canGoTo(to));
            }
        }
        long fresh = jdbc.sql("insert into partner_organisation (name, kind, stadtteil, lab_id) select ?, 'SCHOOL', 'Walle', lab_id "
                + "from partner_organisation where id = ? returning id").params("Neu " + organisation, orgOf(id)).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("insert into partner_directory_entry (organisation_id, state, description) values (?, 'PUBLISHED', 'x')")
                .param(fresh).update()).as("a new entry starts as a draft").isInstanceOf(DataAccessException.class);
    }

    @Test
    void aScriptInADescriptionIsShownAsTextAndBadInputLosesNothing() throws Exception {
        String form = page(post("/partner/directory").session(partner).with(csrf()).param("description", "Gut.")
                .param("offers", "REPAIR_CAFE").param("languages", "de").param("website", "javascript:alert(1)")
                .param("contactPerson", "Frau Beispiel"));
        assertThat(form).contains("https://").contains("error-summary")
                .contains("value=\"Frau Beispiel\"").contains(">Gut.</textarea>");
        assertThat(jdbc.sql("select count(*) from partner_directory_entry e join partner_organisation o on o.id = e.organisation_id "
                + "where o.name = ?").param(organisation).query(Long.class).single()).as("nothing half saved").isZero();

        long id = submit(partner, "Hallo <script>alert('x')</script> <b>fett</b>");
        publish(id);
        String entry = page(get("/partners/" + id));
        assertThat(entry).doesNotContain("<script>alert").doesNotContain("<b>fett")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        // written in any language: on an Arabic page a German text keeps its own direction (its full stop at its end)
        assertThat(page(get("/partners/" + id).param("lang", "ar"))).contains("<p class=\"entry-text\" dir=\"auto\">Hallo");
    }

    @Test
    void aNamedContactPersonNeedsTheirOwnConsentWhichIsStored() throws Exception {
        long id = submit(partner, "Mit Ansprechperson.");
        String refused = page(post("/partner/directory/" + id).session(partner).with(csrf()).param("description", "Neu.")
                .param("offers", "REPAIR_CAFE").param("languages", "de").param("contactPerson", "Ayşe Beispiel"));
        assertThat(refused).contains("error-summary");
        assertThat(jdbc.sql("select description from partner_directory_entry where id = ?").param(id).query(String.class).single())
                .isEqualTo("Mit Ansprechperson.");
        mvc.perform(post("/partner/directory/" + id).session(partner).with(csrf()).param("description", "Neu.")
                        .param("offers", "REPAIR_CAFE").param("languages", "de").param("contactPerson", "Ayşe Beispiel")
                        .param("contactConsent", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from partner_directory_entry where id = ? and contact_person = 'Ayşe Beispiel' "
                + "and contact_consent_at is not null and contact_consent_version = ? and contact_consent_recorded_by is not null")
                .params(id, Directory.CONSENT_VERSION).query(Long.class).single()).isEqualTo(1);
        publish(id);
        assertThat(page(get("/partners/" + id))).contains("Ayşe Beispiel");
    }

    @Test
    void aPartnerCannotEditOrConfirmAnotherOrganisationsEntry() throws Exception {
        long id = submit(partner, "Unser Eintrag.");
        long n = System.nanoTime();
        MockHttpSession other = PartnerTesting.newPartner(mvc, "Anderer Verein " + n, "other" + n, "other" + n + "@example.org", "de");
        mvc.perform(post("/partner/directory/" + id).session(other).with(csrf()).param("description", "Übernommen")
                .param("offers", "REPAIR_CAFE").param("languages", "de")).andExpect(status().isForbidden());
        mvc.perform(post("/partner/directory/" + id + "/confirm").session(other).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select description from partner_directory_entry where id = ?").param(id).query(String.class).single())
                .isEqualTo("Unser Eintrag.");
        assertThat(page(get("/partner/directory").session(other))).doesNotContain("Unser Eintrag.");
        // Each role reaches only its pages.
        mvc.perform(get("/admin/partners/directory").session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/partners/directory").session(Logins.as(mvc, "funder"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/partners/directory").session(other)).andExpect(status().isForbidden());
        mvc.perform(get("/partner/directory")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/partners/directory/" + id + "/publish").session(other).with(csrf())).andExpect(status().isForbidden());
        assertThat(state(id)).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void aReportReachesTheCoordinatorsOfTheLab() throws Exception {
        long id = submit(partner, "Ein Eintrag zum Melden.");
        publish(id);
        // The demo coordinator has no address of their own; this test lends one and gives it back.
        String coordinatorEmail = "coordinator-" + System.nanoTime() + "@example.org";
        String original = jdbc.sql("select email from account where username = 'coordinator'").query((rs, n) -> rs.getString(1)).list().get(0);
        jdbc.sql("update account set email = ? where username = 'coordinator'").param(coordinatorEmail).update();
        try {
            reportAs(id, coordinatorEmail);
        } finally {
            jdbc.sql("update account set email = ? where username = 'coordinator'").param(original).update();
        }
    }

    private void reportAs(long id, String coordinatorEmail) throws Exception {
        long before = mails(coordinatorEmail);
        MockHttpSession visitor = new MockHttpSession();
        mvc.perform(get("/partners/" + id + "/report").session(visitor)).andExpect(status().isOk());
        assertThat(page(post("/partners/" + id + "/report").session(visitor).with(csrf()).param("body", "x")))
                .as("a reason is required").contains("error-summary");
        mvc.perform(post("/partners/" + id + "/report").session(visitor).with(csrf()).param("reason", "CLOSED")
                        .param("body", "Der Laden ist seit März zu."))
                .andExpect(status().is3xxRedirection());
        assertThat(mails(coordinatorEmail)).isEqualTo(before + 1);
        assertThat(jdbc.sql("select subject from mail_outbox where recipient = ? order by id desc limit 1").param(coordinatorEmail)
                .query(String.class).single()).as("about the directory, not a partner request").startsWith("Nachbarschafts-Verzeichnis:");
        assertThat(page(get("/admin/partners/directory").session(coordinator))).contains("Der Laden ist seit März zu.");
        mvc.perform(post("/partners/" + id + "/report").session(new MockHttpSession()).with(csrf()).param("reason", "OTHER")
                .param("website", "http://spam.example")).andExpect(status().isOk());
        assertThat(mails(coordinatorEmail)).as("the honeypot keeps a bot out").isEqualTo(before + 1);
    }

    @Test
    void anUnconfirmedEntryIsHiddenAfterTwelveMonthsAndTheOrganisationAskedOnceEvenWithTwoInstances() throws Exception {
        long id = submit(partner, "Ein Jahr später.");
        publish(id);
        long before = mails(email);
        Instant now = Instant.now();
        ZonedDateTime here = now.atZone(PartnerStore.BREMEN);
        twoInstancesAtOnce(here.plusMonths(10).toInstant());
        assertThat(mails(email)).as("nothing yet after 10 months").isEqualTo(before);
        twoInstancesAtOnce(here.plusMonths(11).plusDays(1).toInstant());
        assertThat(mails(email)).as("a reminder a month before, once").isEqualTo(before + 1);
        job.remind(here.plusMonths(11).plusDays(2).toInstant());
        assertThat(mails(email)).isEqualTo(before + 1);
        twoInstancesAtOnce(here.plusMonths(12).plusDays(1).toInstant());
        assertThat(mails(email)).as("hidden and asked to confirm, once").isEqualTo(before + 2);
        job.remind(here.plusMonths(13).toInstant());
        assertThat(mails(email)).isEqualTo(before + 2);

        // The public pages hide it once the 12 months are over (the confirmation lies that far back).
        jdbc.sql("update partner_directory_entry set confirmed_at = confirmed_at - interval '12 months 1 day' where id = ?")
                .param(id).update();
        mvc.perform(get("/partners/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/partner/directory").session(partner))).contains("partner/directory/" + id + "/confirm");
        mvc.perform(post("/partner/directory/" + id + "/confirm").session(partner).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page(get("/partners/" + id))).as("visible again after \"still correct\"").contains(organisation);
    }

    @Test
    void theDeletionJobRemovesReportTextsAndContactPersonsInTime() throws Exception {
        long id = submit(partner, "Löschfristen.");
        publish(id);
        jdbc.sql("update partner_directory_entry set contact_person = 'Frau Frist', contact_consent_at = now(), "
                + "contact_consent_version = 'v' where id = ?").param(id).update();
        jdbc.sql("insert into partner_directory_report (entry_id, reason, body) values (?, 'WRONG', 'Text')").param(id).update();
        job.deleteDue(Instant.now());
        assertThat(jdbc.sql("select count(*) from partner_directory_report where entry_id = ? and body is not null").param(id)
                .query(Long.class).single()).isEqualTo(1);
        job.deleteDue(Instant.now().plus(DirectoryJob.REPORT_RETENTION).plusSeconds(60));
        assertThat(jdbc.sql("select count(*) from partner_directory_report where entry_id = ? and body is not null").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select contact_person from partner_directory_entry where id = ?").param(id).query(String.class).single())
                .isEqualTo("Frau Frist");
        job.deleteDue(Instant.now().atZone(PartnerStore.BREMEN).plusMonths(DirectoryJob.CONTACT_MONTHS).plusDays(1).toInstant());
        assertThat(jdbc.sql("select count(*) from partner_directory_entry where id = ? and contact_person is null "
                + "and contact_consent_at is null").param(id).query(Long.class).single()).isEqualTo(1);
    }

    private void twoInstancesAtOnce(Instant at) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return job.remind(at);
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get();
        }
        pool.shutdown();
    }

    private void reach(long id, Directory.State state) {
        // The shortest allowed way from wherever the entry is, as the trigger allows it.
        String now = state(id);
        if (now.equals(state.name())) {
            return;
        }
        if (!now.equals("DRAFT") && !now.equals("PENDING_REVIEW")) {
            jdbc.sql("update partner_directory_entry set state = 'DRAFT' where id = ?").param(id).update();
        }
        if (state == Directory.State.DRAFT) {
            if (state(id).equals("PENDING_REVIEW")) {
                jdbc.sql("update partner_directory_entry set state = 'DRAFT' where id = ?").param(id).update();
            }
            return;
        }
        if (state(id).equals("DRAFT")) {
            jdbc.sql("update partner_directory_entry set state = 'PENDING_REVIEW' where id = ?").param(id).update();
        }
        if (state != Directory.State.PENDING_REVIEW) {
            jdbc.sql("update partner_directory_entry set state = ?, reject_reason = 'Grund' where id = ?").params(state.name(), id).update();
        }
    }

    private String state(long id) {
        return jdbc.sql("select state from partner_directory_entry where id = ?").param(id).query(String.class).single();
    }

    private long orgOf(long id) {
        return jdbc.sql("select organisation_id from partner_directory_entry where id = ?").param(id).query(Long.class).single();
    }

    private long mails(String recipient) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(recipient).query(Long.class).single();
    }

    private List<String> audit(long id) {
        return jdbc.sql("select action from privacy_audit where object_type = 'partner-directory' and object_id = ? order by id")
                .param(String.valueOf(id)).query(String.class).list();
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
