package eu.impactlab.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public catalogue, a course's page with its schema.org data, and the calendar feeds. */
class CoursePagesTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void theCatalogueIsLinkedFromHomeNavigationAndLabPagesAndFiltersByLabGroupLanguageCompetenceAndDate() throws Exception {
        assertThat(page("/")).contains("href=\"/courses\"");
        assertThat(page("/labs/vegesack")).contains("href=\"/courses?lab=vegesack\"", "href=\"/labs/vegesack/courses.ics\"");

        String all = page("/courses");
        // Other tests add courses to the same database, so the demo course may sit on a later page.
        StringBuilder everyPage = new StringBuilder();
        for (int p = 1; p <= 10; p++) {
            everyPage.append(page("/courses?page=" + p));
        }
        assertThat(everyPage.toString()).contains("Smartphone-Grundlagen für Seniorinnen und Senioren");
        assertThat(all).contains("<h1>Kurse und Workshops</h1>",
                "name=\"lab\"", "name=\"targetGroup\"", "name=\"language\"", "name=\"competence\"", "name=\"from\"", "name=\"to\"",
                "3.4 Programmieren", "href=\"/courses.ics\"");

        String vegesack = page("/courses?lab=vegesack");
        assertThat(vegesack).contains("Bewerben mit dem Computer").doesNotContain("Smartphone-Grundlagen");
        String girls = page("/courses?targetGroup=WOMEN_AND_GIRLS");
        assertThat(girls).contains("Girls&#39; Digital Day").doesNotContain("Bewerben mit dem Computer");
        String arabic = page("/courses?language=ar");
        assertThat(arabic).contains("Digitale Jobsuche auf Arabisch").doesNotContain("Girls&#39; Digital Day");
        String coding = page("/courses?competence=3.4");
        assertThat(coding).contains("Girls&#39; Digital Day", "Deine erste Webseite").doesNotContain("Bewerben mit dem Computer");
        String safety = page("/courses?competence=4");
        assertThat(safety).contains("Sicher im Internet").doesNotContain("Deine erste Webseite");
        LocalDate far = LocalDate.now(CourseFixtures.BREMEN).plusYears(3);
        assertThat(page("/courses?from=" + far)).contains("Gefundene Kurse: 0", "Wir haben keine passenden Kurse gefunden");
        assertThat(page("/courses?from=morgen&lang=en")).contains("field-error", "Please write the date like this:");
    }

    @Test
    void longListsArePagedAndEachPageKeepsTheFilters() throws Exception {
        String first = page("/courses");
        assertThat(first).contains("Seite 1 von", "href=\"/courses?page=2\"", "rel=\"next\"");
        assertThat(first.split("class=\"card course-card\"", -1).length - 1).isEqualTo(10);
        String second = page("/courses?page=2");
        assertThat(second).contains("href=\"/courses?page=1\"");
        String beyond = page("/courses?page=99");
        assertThat(beyond).as("a page beyond the last shows the last").containsPattern("Seite (\\d+) von \\1<")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void aCoursePageShowsSessionsPlaceSeatsGroupsCompetencesAndAccessibilityInTheChosenLanguage() throws Exception {
        long id = demo("Smartphone-Grundlagen für Seniorinnen und Senioren");
        String page = page("/courses/" + id + "?lang=ar");
        assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\"", "أساسيات الهاتف الذكي لكبار السن", "كبار السن",
                "Lindenhofstraße 53", "حماية الأجهزة", "href=\"/courses/" + id + "/register\"",
                // the accessibility notes are translated: no German left on the Arabic page
                "قاعة بلا درجات في الطابق الأرضي");
        assertThat(page("/courses/" + id + "?lang=uk")).contains("Кімната без сходинок на першому поверсі")
                .doesNotContain("Stufenloser Raum im Erdgeschoss");
        assertThat(page).containsPattern("الثلاثاء، \\d{1,2} [^<]+</span>،\\s*<bdi dir=\"ltr\">10:00\u00a0–\u00a012:00</bdi>");

        long online = demo("Online-Kurs: Sicher im Internet");
        String onlinePage = page("/courses/" + online);
        assertThat(onlinePage).contains("Online", "Den Link zum Online-Kurs bekommen Sie nach der Anmeldung.")
                .doesNotContain("video.example.org");
        mvc.perform(get("/courses/999999")).andExpect(status().isNotFound());
    }

    @Test
    void aCoursePageCarriesSchemaOrgEventDataAsJsonLdThatTheContentSecurityPolicyAllows() throws Exception {
        long id = demo("Smartphone-Grundlagen für Seniorinnen und Senioren");
        MvcResult result = mvc.perform(get("/courses/" + id).header("Accept-Language", "en")).andExpect(status().isOk()).andReturn();
        String html = result.getResponse().getContentAsString();
        String csp = result.getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        // The only inline script element is the JSON-LD data block, which browsers never run.
        assertThat(html).doesNotContainPattern("<script>|<script (?!type=\"application/ld\\+json\")[^>]*>[^<]+</script>");
        Matcher block = Pattern.compile("<script type=\"application/ld\\+json\">(.+?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(block.find()).isTrue();
        JsonNode event = json.readTree(block.group(1));
        assertThat(event.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(event.get("@type").asString()).isEqualTo("Event");
        assertThat(event.get("name").asString()).isEqualTo("Smartphone basics for older people");
        assertThat(event.get("startDate").asString()).endsWith(":00+01:00");
        assertThat(event.get("location").get("address").get("streetAddress").asString()).isEqualTo("Lindenhofstraße 53");
        assertThat(event.get("eventAttendanceMode").asString()).isEqualTo("https://schema.org/OfflineEventAttendanceMode");
        assertThat(event.get("offers").get("price").asString()).isEqualTo("0");
        assertThat(event.get("maximumAttendeeCapacity").asInt()).isEqualTo(8);
        assertThat(event.get("subEvent").size()).isEqualTo(4);
        assertThat(event.get("organizer").get("url").asString()).endsWith("/labs/groepelingen");

        String online = mvc.perform(get("/courses/" + demo("Online-Kurs: Sicher im Internet"))).andReturn().getResponse().getContentAsString();
        Matcher onlineBlock = Pattern.compile("<script type=\"application/ld\\+json\">(.+?)</script>", Pattern.DOTALL).matcher(online);
        assertThat(onlineBlock.find()).isTrue();
        assertThat(json.readTree(onlineBlock.group(1)).get("location").get("@type").asString()).isEqualTo("VirtualLocation");
        assertThat(onlineBlock.group(1)).doesNotContain("video.example.org");
    }

    @Test
    void aTitleThatWouldCloseTheScriptElementStaysInsideTheJsonLd() throws Exception {
        long id = new CourseFixtures(jdbc).course("Kurs </script><script>alert(1)</script>", 5, 9);
        String html = page("/courses/" + id);
        Matcher block = Pattern.compile("<script type=\"application/ld\\+json\">(.+?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(block.find()).isTrue();
        assertThat(json.readTree(block.group(1)).get("name").asString()).isEqualTo("Kurs </script><script>alert(1)</script>");
        assertThat(html).doesNotContain("<script>alert(1)");
    }

    @Test
    void theCalendarFeedsAreValidICalendarWithOneEventPerUpcomingSessionAndStableUids() throws Exception {
        byte[] ics = mvc.perform(get("/courses.ics")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        long upcomingSessions = jdbc.sql("""
                select count(*) from course_session s join course c on c.id = s.course_id
                where c.status = 'PUBLISHED' and (select max(x.ends_at) from course_session x where x.course_id = c.id) > now()""")
                .query(Long.class).single();
        assertThat(events).hasSize((int) upcomingSessions);
        String text = new String(ics, StandardCharsets.UTF_8).replace("\r\n ", "");
        assertThat(text).contains("METHOD:PUBLISH", "X-WR-CALNAME:Kurse der Digital Impact Labs Bremen", "TZID=Europe/Berlin",
                "Smartphone-Grundlagen für Seniorinnen und Senioren (Termin 1 von 4)").doesNotContain("video.example.org", "ATTENDEE");
        assertThat(events).allSatisfy(e -> assertThat(e.getUid().orElseThrow().getValue()).matches("course-\\d+-session-\\d+@impactlab"));
        byte[] again = mvc.perform(get("/courses.ics")).andReturn().getResponse().getContentAsByteArray();
        assertThat(uids(again)).isEqualTo(uids(ics));

        byte[] lab = mvc.perform(get("/labs/osterholz/courses.ics").header("Accept-Language", "tr")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Calendar osterholz = new CalendarBuilder().build(new StringReader(new String(lab, StandardCharsets.UTF_8)));
        osterholz.validate();
        String labText = new String(lab, StandardCharsets.UTF_8).replace("\r\n ", "");
        assertThat(labText).contains("Girls' Digital Day: Calliope mini ile programlama", "Otto-Brenner-Allee 44")
                .doesNotContain("Lindenhofstraße");
        mvc.perform(get("/labs/atlantis/courses.ics")).andExpect(status().isNotFound());
    }

    private static List<String> uids(byte[] ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
        return calendar.<VEvent>getComponents("VEVENT").stream().map(e -> e.getUid().orElseThrow().getValue()).sorted().toList();
    }

    private long demo(String germanTitle) {
        return jdbc.sql("select course_id from course_text where language = 'de' and title = ?").param(germanTitle)
                .query(Long.class).list().get(0);
    }

    @Test
    void theLanguageOfInstructionIsABadgeBesideTheTitleInTheCatalogueOnTheCoursePageAboveTheButtonAndOnTheManagePage()
            throws Exception {
        long id = demo("Smartphone-Grundlagen für Seniorinnen und Senioren");
        String badge = "<span>Мова навчання</span>:\\s*<strong lang=\"de\" dir=\"ltr\">Deutsch</strong> \\(<span>німецька</span>\\)";

        String course = page("/courses/" + id + "?lang=uk");
        assertThat(course).containsPattern("</h1>\\s*<p class=\"course-language\">\\s*<span class=\"tag language-badge\">" + badge);
        assertThat(course.indexOf("language-badge")).isLessThan(course.indexOf("href=\"/courses/" + id + "/register\""));

        StringBuilder catalogue = new StringBuilder();
        for (int p = 1; p <= 10; p++) {
            catalogue.append(page("/courses?lang=uk&page=" + p));
        }
        assertThat(catalogue.toString()).containsPattern("/courses/" + id + "\"><span[^>]*>[^<]+</span></a></h3>\\s*<p class=\"course-language\">\\s*<span class=\"tag language-badge\">" + badge);

        // In the reader's own language the badge names it once.
        assertThat(page("/courses/" + id + "?lang=de")).containsPattern("<span>Unterrichtssprache</span>:\\s*<strong lang=\"de\" dir=\"ltr\">Deutsch</strong></span>");

        String manage = mvc.perform(get("/admin/courses/" + id).param("lang", "en").session(eu.impactlab.Logins.as(mvc, "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(manage).containsPattern("</h1>\\s*<p class=\"course-language\">\\s*<span class=\"tag language-badge\"><span>Language of instruction</span>:\\s*<strong lang=\"de\" dir=\"ltr\">Deutsch</strong> \\(<span>German</span>\\)");
    }

    @Test
    void whenNoCourseIsTaughtInTheLanguageAskedForTheCataloguePointsToOneToOneHelp() throws Exception {
        String kurdish = page("/courses?language=ku&lang=de");
        assertThat(kurdish).contains("id=\"no-course-in-language\"", "Gerade gibt es keinen Kurs auf Kurdî",
                "href=\"/book\">Persönliche Hilfe auf Kurdî buchen");
        assertThat(page("/courses?language=de&lang=de")).doesNotContain("no-course-in-language");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(HtmlUtils.htmlUnescape(url))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
