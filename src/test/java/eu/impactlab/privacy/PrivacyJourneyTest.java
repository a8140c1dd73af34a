package eu.impactlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.TestCourses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The "Done when" journey: a citizen books help and registers for a course with the same address; the coordinator
 * finds both, exports and erases them; the manage links then say the data is gone and the impact figures stay.
 */
class PrivacyJourneyTest extends AbstractIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bookRegisterFindExportEraseAndTheManageLinksSayTheDataIsGone() throws Exception {
        String address = "Journey.Person@example.org";
        JsonNode slot = json.readTree(send("GET", "/api/v1/labs/groepelingen/slots?topic=smartphone&language=de", null).body()).get(0);
        HttpResponse<String> booked = send("POST", "/api/v1/appointments", """
                {"lab":"groepelingen","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON",
                 "name":"Jana Reise","email":"%s","consent":true}""".formatted(slot.get("start").asString(), address));
        assertThat(booked.statusCode()).isEqualTo(201);
        String appointmentLink = URI.create(json.readTree(booked.body()).get("manageUrl").asString()).getPath();

        long course = TestCourses.published(jdbc, "groepelingen", 5, "Datenschutz-Reise", 9);
        HttpResponse<String> registered = send("POST", "/api/v1/courses/" + course + "/registrations", """
                {"name":"Jana Reise","email":"journey.person@EXAMPLE.org","phone":"0421 98765","consent":true}""");
        assertThat(registered.statusCode()).isEqualTo(201);
        String registrationLink = URI.create(json.readTree(registered.body()).get("manageUrl").asString()).getPath();

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long searchesBefore = audited("PERSON_SEARCH");
        String page = mvc.perform(post("/admin/privacy/search").session(coordinator).with(csrf())
                        .param("email", "journey.person@example.org").param("receivedOn", "").locale(Locale.GERMAN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Gefundene Einträge: 2", "Termin", "Kursanmeldung", "Datenschutz-Reise", "Jana Reise")
                .contains("Antwort fällig bis");
        assertThat(audited("PERSON_SEARCH")).as("the search itself is logged").isEqualTo(searchesBefore + 1);
        assertThat(jdbc.sql("select count(*) from privacy_audit where details like '%example.org%'").query(Long.class).single())
                .as("the trail holds no address").isZero();

        // the same person by phone number, written differently
        String byPhone = mvc.perform(post("/admin/privacy/search").session(coordinator).with(csrf())
                        .param("phone", "0421/987 65").locale(Locale.GERMAN))
                .andReturn().getResponse().getContentAsString();
        assertThat(byPhone).contains("Gefundene Einträge: 1", "Datenschutz-Reise");

        String export = mvc.perform(post("/admin/privacy/export").session(coordinator).with(csrf())
                        .param("email", address).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode exported = json.readTree(export);
        assertThat(exported.get("records").size()).isEqualTo(2);
        assertThat(export).contains("Jana Reise", "0421 98765", "Appointment", "Course registration");
        assertThat(exported.get("uses").toString()).contains("Art. 6");

        List<String> factsBefore = facts();
        mvc.perform(post("/admin/privacy/erase/ask").session(coordinator).with(csrf()).param("email", address))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from appointment where email ilike ?").param(address).query(Long.class).single())
                .as("asking first erases nothing").isOne();
        mvc.perform(post("/admin/privacy/erase").session(coordinator).with(csrf()).param("email", address))
                .andExpect(status().is3xxRedirection());

        assertThat(mvc.perform(get(appointmentLink).locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString())
                .contains("Kontaktdaten sind gelöscht").doesNotContain("Jana Reise");
        assertThat(mvc.perform(get(registrationLink).locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Jana Reise");
        assertThat(mvc.perform(get("/privacy/my-data" + appointmentLink.substring(appointmentLink.lastIndexOf('/')))
                .locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString()).contains("Ihre Daten sind gelöscht");
        assertThat(facts()).as("the impact figures are unchanged").containsAll(factsBefore);
        assertThat(mvc.perform(post("/admin/privacy/search").session(coordinator).with(csrf()).param("email", address)
                .locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString()).contains("Gefundene Einträge: 0");
        assertThat(jdbc.sql("select kind from privacy_request where handled_by = (select id from account where username = 'coordinator') order by id desc limit 2")
                .query(String.class).list()).containsExactly("ERASURE", "ACCESS");
    }

    @Test
    void aCoordinatorFindsNothingOfAnotherLab() throws Exception {
        long course = TestCourses.published(jdbc, "vegesack", 5, "Anderes Lab", 9);
        assertThat(send("POST", "/api/v1/courses/" + course + "/registrations", """
                {"name":"Vera Nord","email":"vera.nord@example.org","consent":true}""").statusCode()).isEqualTo(201);
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        assertThat(mvc.perform(post("/admin/privacy/search").session(coordinator).with(csrf())
                .param("email", "vera.nord@example.org").locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString())
                .contains("Gefundene Einträge: 0").doesNotContain("Vera Nord");
        MockHttpSession admin = Logins.as(mvc, "admin");
        assertThat(mvc.perform(post("/admin/privacy/search").session(admin).with(csrf())
                .param("email", "vera.nord@example.org").locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString())
                .contains("Vera Nord", "Anderes Lab");
    }

    @Test
    void badInputGetsAClearErrorAndKeepsWhatWasTyped() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String page = mvc.perform(post("/admin/privacy/search").session(coordinator).with(csrf())
                .param("email", "kein-at-zeichen").locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This e-mail address is not valid", "value=\"kein-at-zeichen\"");
        assertThat(mvc.perform(post("/admin/privacy/search").session(coordinator).with(csrf()).param("email", "a@example.org")
                .param("receivedOn", "2999-01-01").locale(Locale.GERMAN)).andReturn().getResponse().getContentAsString())
                .contains("nicht in der Zukunft");
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from privacy_audit where action = ?").param(action).query(Long.class).single();
    }

    private List<String> facts() {
        return jdbc.sql("select f::text from impact_fact f").query(String.class).list();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Accept-Language", "de")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
