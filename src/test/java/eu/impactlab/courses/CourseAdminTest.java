package eu.impactlab.courses;

import static eu.impactlab.courses.CourseStaffTesting.courseForm;
import static eu.impactlab.courses.CourseStaffTesting.createCourse;
import static eu.impactlab.courses.CourseStaffTesting.labId;
import static eu.impactlab.courses.CourseStaffTesting.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/** Coordinators create, change, copy, close and cancel their labs' courses; nobody else may. */
class CourseAdminTest extends AbstractIntegrationTest {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    @Autowired
    JdbcClient jdbc;

    LocalDate today() {
        return LocalDate.now(BREMEN);
    }

    @Test
    void aCourseWithAWeeklySeriesIsCreatedWithItsTextsGroupsAndCompetences() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long lab = labId(jdbc, "groepelingen");
        LocalDate first = today().plusDays(10);
        long id = createCourse(mvc, coordinator, lab, "Videoanrufe mit der Familie", 12, first, 4);

        List<LocalDateTime> starts = jdbc.sql("select starts_at from course_session where course_id = ? order by starts_at")
                .param(id).query(java.sql.Timestamp.class).list().stream()
                .map(t -> LocalDateTime.ofInstant(t.toInstant(), BREMEN)).toList();
        assertThat(starts).containsExactly(first.atTime(10, 0), first.plusWeeks(1).atTime(10, 0),
                first.plusWeeks(2).atTime(10, 0), first.plusWeeks(3).atTime(10, 0));
        assertThat(jdbc.sql("select lab_id, capacity, completion_percent, room, status from course where id = ?").param(id)
                .query().singleRow()).containsEntry("capacity", 12).containsEntry("completion_percent", 75)
                .containsEntry("room", "Raum 2").containsEntry("status", "PUBLISHED");
        assertThat(jdbc.sql("select target_group from course_target_group where course_id = ?").param(id)
                .query(String.class).list()).containsExactly("SENIORS");
        assertThat(jdbc.sql("select competence from course_competence where course_id = ? order by competence").param(id)
                .query(String.class).list()).containsExactly("1.1", "2.1");
        // Only German was written: no empty English row.
        assertThat(jdbc.sql("select language from course_text where course_id = ?").param(id).query(String.class).list())
                .containsExactly("de");
        assertThat(jdbc.sql("select action || ':' || coalesce((select username from account where id = actor_id), actor) from course_log where course_id = ?").param(id)
                .query(String.class).list()).containsExactly("CREATED:coordinator", "PUBLISHED:coordinator");

        String page = mvc.perform(get("/admin/courses/" + id).param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Videoanrufe mit der Familie", "Digital Impact Lab Gröpelingen", "0 von 12 Plätzen belegt",
                "Seniorinnen und Senioren", "Raum 2", "Termine des Kurses: 4", "10:00\u00a0–\u00a012:00\u00a0Uhr");
        // other tests' courses may push it to a later page of the list
        boolean listed = false;
        for (int number = 1; number <= 20 && !listed; number++) {
            String list = mvc.perform(get("/admin/courses").param("lang", "de").param("page", String.valueOf(number))
                    .session(coordinator)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            listed = list.contains("href=\"/admin/courses/" + id + "\"") && list.contains("Videoanrufe mit der Familie");
        }
        assertThat(listed).as("the new course is in the coordinator's list").isTrue();
    }

    @Test
    void aFormWithMistakesShowsAnErrorSummaryInTheUsersLanguageAndKeepsWhatWasTyped() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long lab = labId(jdbc, "groepelingen");
        long before = jdbc.sql("select count(*) from course").query(Long.class).single();

        String page = mvc.perform(post("/admin/courses").param("lang", "de").session(coordinator).with(csrf())
                        .param("lab", String.valueOf(lab)).param("capacity", "zwölf").param("completionPercent", "120")
                        .param("onlineUrl", "meet.example").param("registrationOpens", "2026-03-05T09:00")
                        .param("registrationCloses", "2026-03-01T09:00")
                        .param("series.firstDate", today().minusDays(1).toString()).param("series.startTime", "12:00")
                        .param("series.endTime", "10:00").param("series.count", "4").param("series.every", "WEEK")
                        .param("texts[0].language", "de").param("texts[0].title", "")
                        .param("texts[3].language", "ar").param("texts[3].title", "أساسيات الهاتف الذكي"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("class=\"error-summary\"", "role=\"alert\"",
                "href=\"#capacity\"", "Bitte geben Sie die Zahl der Plätze ein, von 1 bis 500.",
                "href=\"#completionPercent\"", "href=\"#onlineUrl\"", "mit https:// beginnt",
                "href=\"#registrationCloses\"", "Das Ende der Anmeldung muss nach ihrem Beginn liegen.",
                "href=\"#texts-0-title\"", "Bitte geben Sie einen deutschen Titel ein.",
                "href=\"#series-firstDate\"", "Das Datum liegt in der Vergangenheit.",
                "href=\"#series-endTime\"", "Das Ende muss nach dem Beginn liegen.",
                "value=\"zwölf\"", "value=\"120\"", "value=\"meet.example\"", "value=\"أساسيات الهاتف الذكي\"",
                "id=\"texts-0-title\"");
        assertThat(jdbc.sql("select count(*) from course").query(Long.class).single()).isEqualTo(before);

        // The same mistakes in Arabic: the messages are Arabic.
        String arabic = mvc.perform(post("/admin/courses").param("lang", "ar").session(coordinator).with(csrf())
                        .param("lab", String.valueOf(lab)).param("capacity", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(arabic).contains("dir=\"rtl\"", "يرجى إدخال عدد الأماكن، من 1 إلى 500.");
    }

    @Test
    void editingKeepsTheCapacityAboveTheConfirmedSeatsAndSavesTheRest() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long id = createCourse(mvc, coordinator, labId(jdbc, "groepelingen"), "Online-Banking sicher", 5,
                today().plusDays(3), 2);
        register(jdbc, id, "Ayşe", "CONFIRMED", null);
        register(jdbc, id, "Jan", "CONFIRMED", null);
        register(jdbc, id, "Olga", "CONFIRMED", null);

        String edit = mvc.perform(get("/admin/courses/" + id + "/edit").param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("value=\"Online-Banking sicher\"", "value=\"5\"", "3 Personen haben schon einen Platz.");

        String refused = mvc.perform(courseForm(post("/admin/courses/" + id + "/edit").param("lang", "de").session(coordinator),
                        labId(jdbc, "groepelingen"), "Online-Banking sicher", 2, today(), 1))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("href=\"#capacity\"",
                "3 Personen haben schon einen Platz. Es müssen mindestens 3 Plätze bleiben.", "value=\"2\"");
        assertThat(jdbc.sql("select capacity from course where id = ?").param(id).query(Integer.class).single()).isEqualTo(5);

        mvc.perform(courseForm(post("/admin/courses/" + id + "/edit").session(coordinator), labId(jdbc, "groepelingen"),
                        "Online-Banking sicher nutzen", 3, today(), 1)
                        .param("texts[1].title", "Safe online banking").param("technical", "true"))
                .andExpect(redirectedUrl("/admin/courses/" + id));
        assertThat(jdbc.sql("select capacity from course where id = ?").param(id).query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select technical from course where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select title from course_text where course_id = ? order by language").param(id)
                .query(String.class).list()).containsExactly("Online-Banking sicher nutzen", "Safe online banking");
        // The sessions are not touched by the settings form.
        assertThat(jdbc.sql("select count(*) from course_session where course_id = ?").param(id).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select action from course_log where course_id = ? order by id").param(id).query(String.class).list())
                .containsExactly("CREATED", "PUBLISHED", "EDITED", "CAPACITY_CHANGED");
    }

    @Test
    void sessionsAreAddedAsASeriesAndRemovedOneByOneButNeverTheLastOne() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        LocalDate first = today().plusDays(5);
        long id = createCourse(mvc, coordinator, labId(jdbc, "groepelingen"), "Fotos ordnen", 10, first, 1);

        mvc.perform(post("/admin/courses/" + id + "/sessions").session(coordinator).with(csrf())
                        .param("firstDate", first.plusDays(1).toString()).param("startTime", "14:00").param("endTime", "15:30")
                        .param("count", "3").param("every", "TWO_WEEKS"))
                .andExpect(redirectedUrl("/admin/courses/" + id + "#sessions"));
        List<Long> sessions = jdbc.sql("select id from course_session where course_id = ? order by starts_at").param(id)
                .query(Long.class).list();
        assertThat(sessions).hasSize(4);
        assertThat(LocalDateTime.ofInstant(jdbc.sql("select max(starts_at) from course_session where course_id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant(), BREMEN)).isEqualTo(first.plusDays(1).plusWeeks(4).atTime(14, 0));

        // The same time again is refused with a message, on the course page.
        String again = mvc.perform(post("/admin/courses/" + id + "/sessions").param("lang", "de").session(coordinator).with(csrf())
                        .param("firstDate", first.toString()).param("startTime", "10:00").param("endTime", "12:00")
                        .param("count", "1").param("every", "WEEK"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Zu dieser Zeit gibt es schon einen Termin.", "href=\"#firstDate\"");
        assertThat(jdbc.sql("select count(*) from course_session where course_id = ?").param(id).query(Long.class).single()).isEqualTo(4);

        for (int i = 1; i < 4; i++) {
            mvc.perform(post("/admin/courses/" + id + "/sessions/" + sessions.get(i) + "/delete").session(coordinator).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/admin/courses/" + id + "/sessions/" + sessions.get(0) + "/delete").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("saved")).isEqualTo("courseAdmin.session.LAST_SESSION"));
        assertThat(jdbc.sql("select id from course_session where course_id = ?").param(id).query(Long.class).list())
                .containsExactly(sessions.get(0));
    }

    @Test
    void aCopyGetsTheSameTextsAndSettingsWithSessionsShiftedAndNoRegistrations() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        LocalDate first = today().plusDays(2);
        long id = createCourse(mvc, coordinator, labId(jdbc, "groepelingen"), "Bewerben mit dem Handy", 8, first, 3);
        register(jdbc, id, "Mehmet", "CONFIRMED", "m@example.org");

        String form = mvc.perform(get("/admin/courses/" + id + "/copy").param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Wann soll die Kopie beginnen?", "type=\"date\"");
        String error = mvc.perform(post("/admin/courses/" + id + "/copy").param("lang", "de").session(coordinator).with(csrf())
                        .param("firstDate", "morgen"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(error).contains("class=\"error-summary\"", "Bitte geben Sie ein Datum ein", "value=\"morgen\"");

        LocalDate newFirst = first.plusWeeks(8).plusDays(2);
        String location = mvc.perform(post("/admin/courses/" + id + "/copy").session(coordinator).with(csrf())
                        .param("firstDate", newFirst.toString()))
                .andExpect(redirectedUrlPattern("/admin/courses/*")).andReturn().getResponse().getRedirectedUrl();
        long copy = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(copy).isNotEqualTo(id);

        assertThat(jdbc.sql("select starts_at from course_session where course_id = ? order by starts_at").param(copy)
                .query(java.sql.Timestamp.class).list().stream().map(t -> LocalDateTime.ofInstant(t.toInstant(), BREMEN)).toList())
                .containsExactly(newFirst.atTime(10, 0), newFirst.plusWeeks(1).atTime(10, 0), newFirst.plusWeeks(2).atTime(10, 0));
        assertThat(jdbc.sql("select copied_from_id, capacity, confirmed_count, registration_closed from course where id = ?")
                .param(copy).query().singleRow()).containsEntry("copied_from_id", id).containsEntry("capacity", 8)
                .containsEntry("confirmed_count", 0).containsEntry("registration_closed", false);
        assertThat(jdbc.sql("select title from course_text where course_id = ?").param(copy).query(String.class).single())
                .isEqualTo("Bewerben mit dem Handy");
        assertThat(jdbc.sql("select count(*) from course_competence where course_id = ?").param(copy).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from course_registration where course_id = ?").param(copy).query(Long.class).single()).isZero();
    }

    @Test
    void registrationIsClosedAndReopenedByHandAndLogged() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long id = createCourse(mvc, coordinator, labId(jdbc, "groepelingen"), "Sicher im Netz", 10, today().plusDays(4), 1);

        mvc.perform(post("/admin/courses/" + id + "/registration").session(coordinator).with(csrf()).param("closed", "true"))
                .andExpect(redirectedUrl("/admin/courses/" + id));
        assertThat(jdbc.sql("select registration_closed from course where id = ?").param(id).query(Boolean.class).single()).isTrue();
        String page = mvc.perform(get("/admin/courses/" + id).param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Die Anmeldung ist von Hand geschlossen.", "Anmeldung wieder öffnen");
        // A second "close" changes nothing and logs nothing.
        mvc.perform(post("/admin/courses/" + id + "/registration").session(coordinator).with(csrf()).param("closed", "true"))
                .andExpect(result -> assertThat(result.getFlashMap().get("saved")).isEqualTo("courseAdmin.notChanged"));
        mvc.perform(post("/admin/courses/" + id + "/registration").session(coordinator).with(csrf()).param("closed", "false"))
                .andExpect(redirectedUrl("/admin/courses/" + id));
        assertThat(jdbc.sql("select registration_closed from course where id = ?").param(id).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select action from course_log where course_id = ? order by id").param(id).query(String.class).list())
                .containsExactly("CREATED", "PUBLISHED", "REGISTRATION_CLOSED", "REGISTRATION_REOPENED");
    }

    @Test
    void cancellingAsksFirstAndSaysWhoWillBeTold() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long id = createCourse(mvc, coordinator, labId(jdbc, "groepelingen"), "Drucken und Scannen", 2, today().plusDays(6), 1);
        register(jdbc, id, "Ayşe", "CONFIRMED", "a@example.org");
        register(jdbc, id, "Jan", "CONFIRMED", null);
        register(jdbc, id, "Olga", "WAITLISTED", null);

        String course = mvc.perform(get("/admin/courses/" + id).param("lang", "de").session(coordinator))
                .andReturn().getResponse().getContentAsString();
        // The course page only links to the question; nothing is cancelled by a single click.
        assertThat(course).contains("href=\"/admin/courses/" + id + "/cancel\"").doesNotContain("action=\"/admin/courses/" + id + "/cancel\"");
        String ask = mvc.perform(get("/admin/courses/" + id + "/cancel").param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ask).contains("„Drucken und Scannen“ wirklich absagen?",
                "2 Personen mit Platz und 1 auf der Warteliste bekommen einmal Bescheid.", "Ja, Kurs absagen",
                "Nein, Kurs behalten", "action=\"/admin/courses/" + id + "/cancel\"");
        assertThat(jdbc.sql("select status from course where id = ?").param(id).query(String.class).single()).isEqualTo("PUBLISHED");

        long mailsBefore = mailsTo("a@example.org");
        mvc.perform(post("/admin/courses/" + id + "/cancel").session(coordinator).with(csrf()))
                .andExpect(redirectedUrl("/admin/courses/" + id));
        assertThat(jdbc.sql("select status from course where id = ?").param(id).query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select status from course_registration where course_id = ?").param(id).query(String.class).list())
                .containsOnly("CANCELLED").hasSize(3);
        // Everyone is told once; cancelling again (a second click, another tab) tells nobody again.
        assertThat(mailsTo("a@example.org")).isEqualTo(mailsBefore + 1);
        mvc.perform(post("/admin/courses/" + id + "/cancel").session(coordinator).with(csrf()))
                .andExpect(redirectedUrl("/admin/courses/" + id));
        assertThat(mailsTo("a@example.org")).isEqualTo(mailsBefore + 1);
        String cancelled = mvc.perform(get("/admin/courses/" + id).param("lang", "de").session(coordinator))
                .andReturn().getResponse().getContentAsString();
        assertThat(cancelled).contains("Dieser Kurs ist abgesagt.").doesNotContain("/edit\"");
        // A cancelled course cannot be changed any more.
        mvc.perform(courseForm(post("/admin/courses/" + id + "/edit").session(coordinator), labId(jdbc, "groepelingen"),
                        "Doch wieder da", 5, today(), 1))
                .andExpect(result -> assertThat(result.getFlashMap().get("saved")).isEqualTo("courseAdmin.cancelled.noChanges"));
        assertThat(jdbc.sql("select capacity from course where id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void moreSeatsGoToTheWaitlistInItsOrderAtOnce() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long lab = labId(jdbc, "groepelingen");
        long id = createCourse(mvc, coordinator, lab, "Smartphone-Fotos", 2, today().plusDays(6), 2);
        register(jdbc, id, "Ayşe", "CONFIRMED", null);
        register(jdbc, id, "Jan", "CONFIRMED", null);
        long first = register(jdbc, id, "Olga", "WAITLISTED", null);
        long second = register(jdbc, id, "Mehmet", "WAITLISTED", null);

        mvc.perform(courseForm(post("/admin/courses/" + id + "/edit").session(coordinator), lab, "Smartphone-Fotos", 3, today(), 1))
                .andExpect(redirectedUrl("/admin/courses/" + id));

        assertThat(jdbc.sql("select status from course_registration where id = ?").param(first).query(String.class).single())
                .isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select status from course_registration where id = ?").param(second).query(String.class).single())
                .isEqualTo("WAITLISTED");
        assertThat(jdbc.sql("select confirmed_count from course where id = ?").param(id).query(Integer.class).single()).isEqualTo(3);
        String participants = mvc.perform(get("/admin/courses/" + id + "/participants").param("lang", "de").session(coordinator))
                .andReturn().getResponse().getContentAsString();
        assertThat(participants).contains("Mit Platz: 3 von 3", "Warteliste: 1");
    }

    private long mailsTo(String recipient) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(recipient).query(Long.class).single();
    }

    @Test
    void participantsShowConfirmedAndWaitlistWithContactAndThePrintableListHasABoxPerSession() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long id = createCourse(mvc, coordinator, labId(jdbc, "groepelingen"), "Tablet für Einsteiger", 2, today().plusDays(1), 3);
        register(jdbc, id, "ليلى أحمد", "CONFIRMED", "leila@example.org");
        register(jdbc, id, "Олена Коваленко", "CONFIRMED", null);
        register(jdbc, id, "Mehmet Demir", "WAITLISTED", "mehmet@example.org");
        register(jdbc, id, "Anna Nowak", "WAITLISTED", null);

        String page = mvc.perform(get("/admin/courses/" + id + "/participants").param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Mit Platz: 2 von 2", "ليلى أحمد", "leila@example.org", "Олена Коваленко",
                "Warteliste: 2", "Mehmet Demir", "mehmet@example.org", "Anna Nowak", "kein Kontakt angegeben");
        assertThat(page.indexOf("Mehmet Demir")).isLessThan(page.indexOf("Anna Nowak"));

        String sheet = mvc.perform(get("/admin/courses/" + id + "/attendance-list").param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sheet).contains("Anwesenheitsliste", "Tablet für Einsteiger", "ليلى أحمد", "Олена Коваленко",
                "class=\"attendance-table\"", "3 Termine", "media=\"print\"").doesNotContain("Mehmet Demir", "leila@example.org");
        assertThat(sheet.split("class=\"sign\"", -1)).hasSize(1 + (2 + 3) * 3);
    }

    @Test
    void onlyCoordinatorsOfTheLabAndAdminsMayManageItsCourses() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        long vegesack = createCourse(mvc, admin, labId(jdbc, "vegesack"), "Kurs in Vegesack", 10, today().plusDays(3), 1);
        long vegesackSession = jdbc.sql("select id from course_session where course_id = ?").param(vegesack).query(Long.class).single();

        for (String user : List.of("helper", "partner", "funder")) {
            MockHttpSession session = Logins.as(mvc, user);
            mvc.perform(get("/admin/courses").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/admin/courses/" + vegesack).session(session)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/courses")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/courses/" + vegesack + "/participants")).andExpect(redirectedUrl("/login"));

        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        for (String path : List.of("", "/edit", "/participants", "/attendance-list", "/copy", "/cancel")) {
            mvc.perform(get("/admin/courses/" + vegesack + path).session(coordinator)).andExpect(status().isForbidden());
        }
        mvc.perform(courseForm(post("/admin/courses/" + vegesack + "/edit").session(coordinator), labId(jdbc, "vegesack"),
                "Übernommen", 10, today(), 1)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/courses/" + vegesack + "/registration").session(coordinator).with(csrf()).param("closed", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/courses/" + vegesack + "/cancel").session(coordinator).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/courses/" + vegesack + "/copy").session(coordinator).with(csrf()).param("firstDate", today().plusDays(30).toString()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/courses/" + vegesack + "/sessions/" + vegesackSession + "/delete").session(coordinator).with(csrf()))
                .andExpect(status().isForbidden());
        // Creating a course for a lab the coordinator does not run is refused as a form error.
        String refused = mvc.perform(courseForm(post("/admin/courses").param("lang", "de").session(coordinator),
                        labId(jdbc, "vegesack"), "Fremdes Lab", 10, today().plusDays(3), 1))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Bitte wählen Sie eines Ihrer Labs.");
        // The Gröpelingen coordinator does not see the Vegesack course in their list; the admin does.
        assertThat(mvc.perform(get("/admin/courses").session(coordinator)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Kurs in Vegesack");
        assertThat(mvc.perform(get("/admin/courses").param("lab", String.valueOf(labId(jdbc, "vegesack"))).session(admin))
                .andReturn().getResponse().getContentAsString()).contains("Kurs in Vegesack");
        assertThat(jdbc.sql("select registration_closed from course where id = ?").param(vegesack).query(Boolean.class).single()).isFalse();
    }

    @Test
    void pastCoursesAreListedApartAndLongListsArePaged() throws Exception {
        MockHttpSession admin = Logins.as(mvc, "admin");
        long osterholz = labId(jdbc, "osterholz");
        for (int i = 0; i < CourseAdmin.PAGE_SIZE + 1; i++) {
            createCourse(mvc, admin, osterholz, "Reihe Osterholz " + i, 10, today().plusDays(20 + i), 1);
        }
        long past = createCourse(mvc, admin, osterholz, "Vorbei in Osterholz", 10, today().plusDays(1), 1);
        CourseStaffTesting.moveSessionsBack(jdbc, past, 2);

        String first = mvc.perform(get("/admin/courses").param("lab", String.valueOf(osterholz)).param("lang", "de").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Reihe Osterholz 0", "Nächste Seite").doesNotContain("Vorbei in Osterholz");
        String pastPage = mvc.perform(get("/admin/courses").param("lab", String.valueOf(osterholz)).param("when", "past")
                        .param("lang", "de").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pastPage).contains("Vorbei in Osterholz").doesNotContain("Reihe Osterholz 0");
    }

    @Test
    void aNewCourseIsADraftThatOnlyTheCoordinatorSeesInAPreviewUntilItIsPublished() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        String form = mvc.perform(get("/admin/courses/new").param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("zuerst ein Entwurf", "Warteliste");

        String title = "Entwurf Tablet " + System.nanoTime();
        long id = CourseStaffTesting.createDraft(mvc, coordinator, labId(jdbc, "groepelingen"), title, 6, today().plusDays(5), 2);

        String manage = mvc.perform(get("/admin/courses/" + id).param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(manage).contains("id=\"draft-notice\"", "href=\"/admin/courses/" + id + "/preview\"",
                "action=\"/admin/courses/" + id + "/publish\"");

        // Nobody else sees a draft: not the page, the catalogue, the API, the feed, nor its registration.
        mvc.perform(get("/courses/" + id)).andExpect(status().isNotFound());
        assertThat(everywherePublic()).doesNotContain(title);
        mvc.perform(post("/api/v1/courses/" + id + "/registrations").contentType("application/json")
                        .content("{\"name\":\"Ali\",\"consent\":true}"))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(404, 409, 422));

        String preview = mvc.perform(get("/admin/courses/" + id + "/preview").param("lang", "de").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains(title, "Vorschau.", "Noch sieht sie niemand sonst", "href=\"/admin/courses/" + id + "\"");
        mvc.perform(get("/admin/courses/" + id + "/preview").session(Logins.as(mvc, "admin"))).andExpect(status().isOk());

        mvc.perform(post("/admin/courses/" + id + "/publish").session(coordinator).with(csrf()))
                .andExpect(redirectedUrl("/admin/courses/" + id));
        assertThat(mvc.perform(get("/courses/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(title);
        String day = today().plusDays(5).toString();
        assertThat(mvc.perform(get("/courses").param("from", day).param("to", day)).andReturn().getResponse().getContentAsString())
                .contains(title);
        String published = mvc.perform(get("/admin/courses/" + id).param("lang", "de").session(coordinator))
                .andReturn().getResponse().getContentAsString();
        assertThat(published).doesNotContain("id=\"draft-notice\"").contains("href=\"/courses/" + id + "\"");
        assertThat(jdbc.sql("select published_at is not null from course where id = ?").param(id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void helpersCannotPreviewOrPublishADraft() throws Exception {
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        long id = CourseStaffTesting.createDraft(mvc, coordinator, labId(jdbc, "groepelingen"), "Fremder Entwurf", 6,
                today().plusDays(6), 1);
        MockHttpSession helper = Logins.as(mvc, "helper");
        mvc.perform(get("/admin/courses/" + id + "/preview").session(helper)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/courses/" + id + "/publish").session(helper).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select status from course where id = ?").param(id).query(String.class).single()).isEqualTo("DRAFT");
    }

    private String everywherePublic() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= 12; p++) {
            all.append(mvc.perform(get("/courses").param("page", String.valueOf(p))).andReturn().getResponse().getContentAsString());
        }
        all.append(mvc.perform(get("/api/v1/courses")).andReturn().getResponse().getContentAsString());
        all.append(mvc.perform(get("/courses.ics")).andReturn().getResponse().getContentAsString());
        return all.toString();
    }
}
