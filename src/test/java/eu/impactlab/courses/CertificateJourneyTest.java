package eu.impactlab.courses;

import static eu.impactlab.courses.CourseStaffTesting.createCourse;
import static eu.impactlab.courses.CourseStaffTesting.labId;
import static eu.impactlab.courses.CourseStaffTesting.moveSessionsBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * The whole way to a certificate, as the people involved go it: a participant with an Arabic name registers through
 * the public API, a helper ticks attendance on the tablet, and the participant downloads the certificate from their
 * private link.
 */
class CertificateJourneyTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aParticipantWhoAttendedEnoughSessionsDownloadsTheirCertificateFromTheManageLink() throws Exception {
        LocalDate nextWeek = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(7);
        long course = createCourse(mvc, Logins.as(mvc, "coordinator"), labId(jdbc, "groepelingen"),
                "Smartphone für alle", 8, nextWeek, 4);

        String answer = mvc.perform(post("/api/v1/courses/" + course + "/registrations").param("lang", "ar")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ليلى أحمد\",\"consent\":true}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode registration = new ObjectMapper().readTree(answer);
        assertThat(registration.get("status").asText()).isEqualTo("CONFIRMED");
        String manage = URI.create(registration.get("manageUrl").asText()).getPath();
        long registrationId = jdbc.sql("select id from course_registration where course_id = ?").param(course)
                .query(Long.class).single();

        // Before the course there is no certificate to have.
        assertThat(page(manage)).doesNotContain("certificate.pdf");
        mvc.perform(get(manage + "/certificate.pdf")).andExpect(status().isNotFound());

        // The course takes place: its four weekly sessions now lie in the past two weeks and today.
        moveSessionsBack(jdbc, course, 4);
        List<Long> sessions = jdbc.sql("select id from course_session where course_id = ? order by starts_at").param(course)
                .query(Long.class).list();
        MockHttpSession helper = Logins.as(mvc, "helper");
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/staff/courses/" + course + "/sessions/" + sessions.get(i) + "/attendance/" + registrationId)
                            .session(helper).with(csrf()).param("present", "true"))
                    .andExpect(status().is3xxRedirection());
        }

        String page = page(manage);
        assertThat(page).contains("شهادة المشاركة", manage + "/certificate.pdf");
        byte[] pdf = mvc.perform(get(manage + "/certificate.pdf").param("lang", "ar"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            // PDFBox gives the text back in logical order; both words of the name must be there whole.
            assertThat(text).contains("ليلى", "أحمد");
        }
    }

    private String page(String manage) throws Exception {
        return mvc.perform(get(manage).param("lang", "ar")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
