package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.TestCourses;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every kind of PDF the app makes, in German and in Arabic (right to left), is a PDF/UA-1 document by veraPDF's rules:
 * tagged, with language, title, headings, table headers and embedded fonts, so screen readers read it like the page.
 */
class AccessiblePdfsTest extends AbstractIntegrationTest {

    static final int YEAR = LocalDate.now().getYear() - 1;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void theCertificateOfParticipationIsPdfUa() throws Exception {
        long course = TestCourses.published(jdbc, "groepelingen", 10, "Smartphone-Grundlagen (PDF/UA)", 3);
        jdbc.sql("insert into course_competence (course_id, competence) values (?, '1.1'), (?, '2.1')").params(course, course).update();
        long registration = jdbc.sql("""
                insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at, completed_at)
                values (?, 'CONFIRMED', 'ليلى أحمد', 'ar', ?, now(), now()) returning id""")
                .params(course, UUID.randomUUID().toString()).query(Long.class).single();
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        try {
            for (String language : List.of("de", "ar")) {
                assertPdfUa("certificate-" + language, mvc.perform(get("/admin/courses/" + course + "/participants/"
                        + registration + "/certificate.pdf").param("language", language).session(coordinator))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
            }
        } finally {
            // Its sessions, texts, competences and registration go with it (on delete cascade).
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    @Test
    void theFundersImpactReportIsPdfUaWithItsChartsInWordsAndItsRowsReadFromTheLabelOn() throws Exception {
        MockHttpSession funder = Logins.as(mvc, "funder");
        for (String language : List.of("de", "ar")) {
            byte[] pdf = mvc.perform(get("/impact/report.pdf").param("from", YEAR + "-01-01")
                    .param("to", YEAR + "-12-31").param("lang", language).session(funder))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertPdfUa("impact-" + language, pdf);
            // Each chart has an alternative text: its title, then every bar's label and number.
            List<String> charts = tags(pdf).alternativeTexts();
            assertThat(charts).as("charts in %s", language).hasSizeGreaterThan(3)
                    .allMatch(alt -> alt.matches("(?s).+: .*[0-9].*"));
            if (language.equals("de")) {
                assertThat(charts).anyMatch(alt -> alt.startsWith("Menschen, denen geholfen wurde, nach Monat"));
            }
        }
    }

    @Test
    void theRegisterOfProcessingIsPdfUa() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        for (String language : List.of("de", "ar")) {
            assertPdfUa("register-" + language, mvc.perform(get("/admin/privacy/register.pdf").param("lang", language)
                    .session(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        }
    }

    @Test
    void theOpenBadgeIsPdfUa() throws Exception {
        long course = TestCourses.published(jdbc, "groepelingen", 10, "Badge als PDF (Test)", -2);
        try {
            jdbc.sql("insert into course_competence (course_id, competence) values (?, '2.1')").param(course).update();
            String token = eu.impactlab.platform.SecretTokens.newToken();
            jdbc.sql("""
                    insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at, completed_at)
                    values (?, 'CONFIRMED', 'Testperson', 'de', ?, now(), now())""")
                    .params(course, eu.impactlab.platform.SecretTokens.hash(token)).update();
            mvc.perform(post("/skills/badge/" + token).with(csrf())).andExpect(status().is3xxRedirection());
            String id = jdbc.sql("select id from skills_credential where course_id = ?").param(course).query(String.class).single();
            for (String language : List.of("de", "ar")) {
                assertPdfUa("badge-" + language, mvc.perform(get("/credentials/" + id + ".pdf").param("lang", language))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
            }
        } finally {
            jdbc.sql("delete from skills_credential where course_id = ?").param(course).update();
            jdbc.sql("delete from course_registration where course_id = ?").param(course).update();
            jdbc.sql("delete from course_competence where course_id = ?").param(course).update();
            jdbc.sql("delete from course where id = ?").param(course).update();
        }
    }

    /** Fails with each failed rule of PDF/UA-1: its clause, test number, description and how often it failed. */
    private static void assertPdfUa(String name, byte[] pdf) throws Exception {
        if (System.getProperty("pdfua.out") != null) {
            Files.write(Path.of(System.getProperty("pdfua.out"), name + ".pdf"), pdf);
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, Long> failed = new LinkedHashMap<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failed.merge(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " "
                            + assertion.getMessage(), 1L, Long::sum);
                }
            }
            assertThat(failed.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + "x)").collect(Collectors.toList()))
                    .as("failed PDF/UA-1 rules in %s", name).isEmpty();
            assertThat(result.isCompliant()).as("%s is PDF/UA-1", name).isTrue();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // What a reader sees in the window title and the document properties, and what a screen reader speaks in.
            assertThat(document.getDocumentCatalog().getLanguage()).as("language of %s", name)
                    .isEqualTo(name.substring(name.lastIndexOf('-') + 1));
            assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).as("title of %s", name).isNotBlank();
            assertThat(document.getDocumentInformation().getSubject()).as("description of %s", name).isNotBlank();
        }
        Tags tags = tags(pdf);
        assertThat(tags.rowsNotStartingWithTheirHeader()).as("rows of %s read from their label on", name).isEmpty();
        assertThat(tags.headersWithoutScope()).as("header cells of %s without a scope", name).isZero();
    }

    /** What a screen reader meets in the tag tree: rows whose header cell is not read first, headers, alternative texts. */
    record Tags(List<String> rowsNotStartingWithTheirHeader, int headersWithoutScope, List<String> alternativeTexts) {
    }

    static Tags tags(byte[] pdf) throws Exception {
        Tags tags = new Tags(new ArrayList<>(), 0, new ArrayList<>());
        int[] withoutScope = {0};
        try (PDDocument document = Loader.loadPDF(pdf)) {
            walk(document.getDocumentCatalog().getStructureTreeRoot().getCOSObject(), false, tags, withoutScope);
        }
        return new Tags(tags.rowsNotStartingWithTheirHeader(), withoutScope[0], tags.alternativeTexts());
    }

    private static void walk(COSDictionary element, boolean described, Tags tags, int[] withoutScope) {
        String alt = element.getString(COSName.getPDFName("Alt"));
        if (alt != null) {
            tags.alternativeTexts().add(alt);
        }
        boolean inAlternative = described || alt != null;
        List<COSDictionary> kids = new ArrayList<>();
        COSBase k = element.getDictionaryObject(COSName.K);
        for (COSBase kid : k instanceof COSArray array ? array.toList() : k == null ? List.<COSBase>of() : List.of(k)) {
            COSBase target = kid instanceof COSObject object ? object.getObject() : kid;
            if (target instanceof COSDictionary dictionary && dictionary.containsKey(COSName.S)) {
                kids.add(dictionary);
            }
        }
        String type = element.getNameAsString(COSName.S);
        if ("TR".equals(type) && !inAlternative) {
            List<String> cells = kids.stream().map(c -> c.getNameAsString(COSName.S)).toList();
            if (cells.contains("TH") && !"TH".equals(cells.get(0))) {
                tags.rowsNotStartingWithTheirHeader().add(String.join(" ", cells));
            }
        }
        if ("TH".equals(type) && !(element.getDictionaryObject(COSName.A) instanceof COSDictionary a
                && a.containsKey(COSName.getPDFName("Scope")))) {
            withoutScope[0]++;
        }
        kids.forEach(kid -> walk(kid, inAlternative, tags, withoutScope));
    }
}
