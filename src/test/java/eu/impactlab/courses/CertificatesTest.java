package eu.impactlab.courses;

import static eu.impactlab.courses.CourseStaffTesting.createCourse;
import static eu.impactlab.courses.CourseStaffTesting.labId;
import static eu.impactlab.courses.CourseStaffTesting.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.server.ResponseStatusException;

/** Certificates of participation: Arabic and Cyrillic names come out whole, with the bundled font embedded. */
class CertificatesTest extends AbstractIntegrationTest {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Certificates certificates;

    long courseId;

    long completed(String name) throws Exception {
        if (courseId == 0) {
            courseId = createCourse(mvc, Logins.as(mvc, "coordinator"), labId(jdbc, "groepelingen"),
                    "Smartphone-Grundlagen", 10, LocalDate.now(BREMEN).plusDays(1), 4);
        }
        long registration = register(jdbc, courseId, name, "CONFIRMED", null);
        jdbc.sql("update course_registration set completed_at = now() where id = ?").param(registration).update();
        return registration;
    }

    @Test
    void anArabicNameIsInTheTextInLogicalOrderAndTheFontIsEmbedded() throws Exception {
        long leila = completed("ليلى أحمد");
        for (Locale locale : List.of(Locale.GERMAN, Locale.forLanguageTag("ar"))) {
            try (PDDocument pdf = Loader.loadPDF(certificates.certificate(leila, locale))) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).as("text in %s", locale).contains("ليلى أحمد");
                assertThat(embeddedFonts(pdf)).as("fonts in %s", locale).isNotEmpty().allMatch(f -> f.contains("DejaVuSans"));
                if (locale.getLanguage().equals("de")) {
                    assertThat(text).contains("Teilnahmebescheinigung", "Smartphone-Grundlagen",
                            "Digital Impact Lab Gröpelingen", "8 Stunden", "Grundlagen", "1.1", "2.1");
                } else {
                    assertThat(text).contains("شهادة مشاركة");
                }
            }
        }
    }

    @Test
    void aCyrillicNameComesOutWholeAndTheStaffDownloadIsAPdf() throws Exception {
        long olena = completed("Олена Коваленко");
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        byte[] pdf = mvc.perform(get("/admin/courses/" + courseId + "/participants/" + olena + "/certificate.pdf")
                        .param("language", "uk").session(coordinator))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"certificate-" + olena + ".pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Олена Коваленко", "Довідка про участь");
            assertThat(embeddedFonts(document)).isNotEmpty();
        }
        // The participants page links it for staff.
        assertThat(mvc.perform(get("/admin/courses/" + courseId + "/participants").session(coordinator))
                .andReturn().getResponse().getContentAsString())
                .contains("/admin/courses/" + courseId + "/participants/" + olena + "/certificate.pdf");
    }

    @Test
    void onlyCompletedParticipantsGetOneAndOnlyFromStaffOfTheLab() throws Exception {
        completed("Schon fertig");
        long notYet = register(jdbc, courseId, "Noch nicht fertig", "CONFIRMED", null);
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(get("/admin/courses/" + courseId + "/participants/" + notYet + "/certificate.pdf").session(coordinator))
                .andExpect(status().isNotFound());
        org.junit.jupiter.api.Assertions.assertThrows(ResponseStatusException.class,
                () -> certificates.certificate(notYet, Locale.GERMAN));

        MockHttpSession admin = Logins.as(mvc, "admin");
        long vegesack = createCourse(mvc, admin, labId(jdbc, "vegesack"), "Vegesack-Kurs", 5, LocalDate.now(BREMEN).plusDays(2), 1);
        long there = register(jdbc, vegesack, "Anna", "CONFIRMED", null);
        jdbc.sql("update course_registration set completed_at = now() where id = ?").param(there).update();
        mvc.perform(get("/admin/courses/" + vegesack + "/participants/" + there + "/certificate.pdf").session(coordinator))
                .andExpect(status().isForbidden());
        // A registration of another course under this course's address is not found.
        mvc.perform(get("/admin/courses/" + courseId + "/participants/" + there + "/certificate.pdf").session(admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/courses/" + vegesack + "/participants/" + there + "/certificate.pdf").session(admin))
                .andExpect(status().isOk());
    }

    private static List<String> embeddedFonts(PDDocument pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                if (font.isEmbedded()) {
                    fonts.add(font.getName());
                }
            }
        }
        return fonts;
    }
}
