package eu.impactlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * Only admins see the outbox. Without a mail server (the embedded default) nothing is sent, and an admin can read
 * each waiting mail to pass it on by hand.
 */
class OutboxPagesTest extends AbstractIntegrationTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void onlyAdminsSeeTheOutbox() throws Exception {
        mvc.perform(get("/admin/outbox")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/outbox/1")).andExpect(redirectedUrl("/login"));
        for (String user : new String[] {"coordinator", "helper", "partner", "funder"}) {
            MockHttpSession session = Logins.as(mvc, user);
            mvc.perform(get("/admin/outbox").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/outbox/1").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/admin/outbox/1/retry").session(session).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/outbox").session(Logins.as(mvc, "admin"))).andExpect(status().isOk());
    }

    @Test
    void withoutAMailServerMailsWaitAndAdminsCanReadThem() throws Exception {
        assertThat(context.getBeanProvider(OutboxSender.class).getIfAvailable()).as("no sender without spring.mail.host").isNull();
        outbox.enqueue(new OutgoingMail("leyla.waits@example.org", "Ihr Termin am Donnerstag",
                "Guten Tag,\n\nIhr Termin ist am Donnerstag um 10:00 Uhr.\nBitte bringen Sie Ihren Ausweis mit.\n\nIhr Lab-Team"));
        long id = idOf("leyla.waits@example.org");

        MockHttpSession admin = Logins.as(mvc, "admin");
        String list = mvc.perform(get("/admin/outbox").session(admin).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("E-Mail-Ausgang", "Es ist kein Mailserver eingerichtet", "<caption>",
                "leyla.waits@example.org", "Ihr Termin am Donnerstag", "href=\"/admin/outbox/" + id + "\"", "wartet");

        String detail = mvc.perform(get("/admin/outbox/" + id).session(admin).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("Ihr Termin ist am Donnerstag um 10:00 Uhr.</span><br>", "Bitte bringen Sie Ihren Ausweis mit.",
                "Ihr Lab-Team", "kein Anhang");

        String arabic = mvc.perform(get("/admin/outbox/" + id).session(admin).param("lang", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(arabic).contains("dir=\"rtl\"", "نص الرسالة");

        assertThat(jdbc.sql("select status from mail_outbox where id = ?").param(id).query(String.class).single())
                .isEqualTo("PENDING");
        mvc.perform(get("/admin/outbox/999999").session(admin)).andExpect(status().isNotFound());
    }

    @Test
    void theDetailPageListsEveryAttachment() throws Exception {
        outbox.enqueue(OutgoingMail.withAttachments("two.files@example.org", "Kurs und Termin", "Zwei Kalender.", List.of(
                new OutgoingMail.Attachment("kurs.ics", "text/calendar", new byte[3000]),
                new OutgoingMail.Attachment("sitzung-2.ics", "text/calendar", new byte[100]))));
        long id = idOf("two.files@example.org");
        String detail = mvc.perform(get("/admin/outbox/" + id).session(Logins.as(mvc, "admin")).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("kurs.ics (3 KB)", "sitzung-2.ics (1 KB)");
    }

    @Test
    void anAdminPutsAFailedMailBackInLine() throws Exception {
        outbox.enqueue(new OutgoingMail("failed.once@example.org", "Kursbestätigung", "Sie sind angemeldet."));
        long id = idOf("failed.once@example.org");
        jdbc.sql("update mail_outbox set status = 'FAILED', attempts = 10, last_error = 'MailConnectException' where id = ?")
                .param(id).update();

        MockHttpSession admin = Logins.as(mvc, "admin");
        String detail = mvc.perform(get("/admin/outbox/" + id).session(admin).param("lang", "de"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("fehlgeschlagen", "MailConnectException", "Noch einmal senden");

        mvc.perform(post("/admin/outbox/" + id + "/retry").session(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/outbox/" + id));
        assertThat(jdbc.sql("select status || ' ' || attempts from mail_outbox where id = ?").param(id)
                .query(String.class).single()).isEqualTo("PENDING 0");
    }

    @Test
    void theAdminStartPageLinksToTheOutboxOthersDoNotSeeIt() throws Exception {
        String admin = mvc.perform(get("/admin").session(Logins.as(mvc, "admin")).param("lang", "de"))
                .andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("href=\"/admin/outbox\"", "E-Mail-Ausgang");
        String coordinator = mvc.perform(get("/admin").session(Logins.as(mvc, "coordinator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(coordinator).doesNotContain("/admin/outbox");
    }

    private long idOf(String recipient) {
        return jdbc.sql("select max(id) from mail_outbox where recipient = ?").param(recipient).query(Long.class).single();
    }
}
