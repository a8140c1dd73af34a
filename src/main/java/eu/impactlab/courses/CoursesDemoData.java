package eu.impactlab.courses;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.DemoDataPolicy;
import eu.impactlab.platform.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dozen upcoming demo courses across the three labs and the target groups, created once on an empty database when
 * demo data is wanted: single workshops and series, one online, one technical course for girls, and the seniors'
 * smartphone course in Gröpelingen with exactly 8 seats.
 */
@Component
@Order(40)
class CoursesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CoursesDemoData.class);

    /** A demo course. */
    private record Demo(String lab, Map<String, String[]> texts, int capacity, String language, String level,
            boolean technical, List<String> groups, List<String> competences, String room, String onlineUrl,
            String notesDe, String notesEn, List<DemoSession> sessions) {
    }

    /** A session on the given weekday, that many weeks ahead (1 = the next such day). */
    private record DemoSession(int weeks, DayOfWeek day, String from, String to) {
    }

    private final DemoDataPolicy policy;
    private final JdbcClient jdbc;
    private final LabService labs;
    private final Clock clock;
    private final CourseStore store;
    private final CourseMails mails;

    CoursesDemoData(DemoDataPolicy policy, JdbcClient jdbc, LabService labs, Clock clock, CourseStore store, CourseMails mails) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.labs = labs;
        this.clock = clock;
        this.store = store;
        this.mails = mails;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("select count(*) from course").query(Long.class).single() == 0;
        Map<String, Long> labIds = labs.labs(Language.DE).stream().collect(Collectors.toMap(LabView::slug, LabView::id));
        if (!policy.seedDemoData() || !empty || !labIds.keySet().containsAll(List.of("groepelingen", "vegesack", "osterholz"))) {
            return;
        }
        List<Demo> demos = List.of(
                new Demo("groepelingen", CourseDemoTexts.SMARTPHONE_SENIORS, 8, "de", "FOUNDATION", false,
                        List.of("SENIORS"), List.of("2.1", "4.1", "5.1"), "Kursraum 1 (Erdgeschoss)", null,
                        "Stufenloser Raum im Erdgeschoss. Übungshandys mit großer Schrift, Lupen und eine Induktionsschleife sind da. Langsames Tempo mit Pausen.",
                        "Step-free room on the ground floor. Practice phones with large text, magnifiers and a hearing loop. Slow pace with breaks.",
                        List.of(session(1, DayOfWeek.TUESDAY, "10:00", "12:00"), session(2, DayOfWeek.TUESDAY, "10:00", "12:00"),
                                session(3, DayOfWeek.TUESDAY, "10:00", "12:00"), session(4, DayOfWeek.TUESDAY, "10:00", "12:00"))),
                new Demo("osterholz", CourseDemoTexts.GIRLS_DIGITAL_DAY, 12, "de", "FOUNDATION", true,
                        List.of("WOMEN_AND_GIRLS", "YOUTH"), List.of("3.4", "5.3"), "Werkstatt", null,
                        "Die Werkstatt ist stufenlos erreichbar. Es gibt einen ruhigen Raum für Pausen.",
                        "The workshop is step-free. There is a quiet room for breaks.",
                        List.of(session(2, DayOfWeek.SATURDAY, "11:00", "15:00"))),
                new Demo("vegesack", CourseDemoTexts.APPLYING, 10, "de", "FOUNDATION", false,
                        List.of("JOB_SEEKERS"), List.of("1.1", "2.1", "3.1"), "Computerraum, 1. Stock", null,
                        "Aufzug vorhanden. Ein Computer mit Screenreader und Bildschirmlupe steht bereit.",
                        "There is a lift. A computer with a screen reader and magnifier is available.",
                        List.of(session(1, DayOfWeek.WEDNESDAY, "09:30", "12:00"), session(2, DayOfWeek.WEDNESDAY, "09:30", "12:00"),
                                session(3, DayOfWeek.WEDNESDAY, "09:30", "12:00"))),
                new Demo("groepelingen", CourseDemoTexts.SAFE_ONLINE, 25, "de", "FOUNDATION", false,
                        List.of("SENIORS", "FAMILIES"), List.of("4.1", "4.2", "1.2"), null,
                        "https://video.example.org/ImpactLab-Sicher-im-Internet", // a placeholder for the operator's own video service
                        "Sie können mit Untertiteln teilnehmen. Die Folien bekommen Sie vorher als große PDF-Datei.",
                        "You can take part with subtitles. You get the slides beforehand as a large-print PDF.",
                        List.of(session(1, DayOfWeek.THURSDAY, "18:00", "19:30"))),
                new Demo("osterholz", CourseDemoTexts.FIRST_WEBSITE, 14, "de", "FOUNDATION", true,
                        List.of("SCHOOL_LEAVERS", "YOUTH"), List.of("3.1", "3.3", "3.4"), "Werkstatt", null, null, null,
                        List.of(session(1, DayOfWeek.THURSDAY, "14:00", "17:00"), session(2, DayOfWeek.THURSDAY, "14:00", "17:00"),
                                session(3, DayOfWeek.THURSDAY, "14:00", "17:00"), session(4, DayOfWeek.THURSDAY, "14:00", "17:00"))),
                new Demo("groepelingen", CourseDemoTexts.SOCIAL_MEDIA_SHOPS, 12, "de", "INTERMEDIATE", false,
                        List.of("SMALL_BUSINESSES"), List.of("2.2", "2.6", "3.1"), "Kursraum 2", null, null, null,
                        List.of(session(2, DayOfWeek.MONDAY, "10:00", "12:30"), session(3, DayOfWeek.MONDAY, "10:00", "12:30"))),
                new Demo("vegesack", CourseDemoTexts.ONLINE_OFFICES, 10, "uk", "FOUNDATION", false,
                        List.of("NEWCOMERS"), List.of("2.3", "1.1", "4.2"), "Computerraum, 1. Stock", null, null, null,
                        List.of(session(1, DayOfWeek.FRIDAY, "10:00", "12:00"), session(2, DayOfWeek.FRIDAY, "10:00", "12:00"))),
                new Demo("groepelingen", CourseDemoTexts.PHONE_TURKISH, 10, "tr", "FOUNDATION", false,
                        List.of("SENIORS", "FAMILIES"), List.of("2.1", "2.2"), "Kursraum 1 (Erdgeschoss)", null, null, null,
                        List.of(session(1, DayOfWeek.FRIDAY, "14:00", "16:00"), session(2, DayOfWeek.FRIDAY, "14:00", "16:00"))),
                new Demo("osterholz", CourseDemoTexts.FAMILY_SCREENS, 16, "de", "FOUNDATION", false,
                        List.of("FAMILIES"), List.of("4.3", "2.5"), "Großer Raum", null, null, null,
                        List.of(session(3, DayOfWeek.SATURDAY, "11:00", "13:00"))),
                new Demo("osterholz", CourseDemoTexts.JOBS_ARABIC, 10, "ar", "FOUNDATION", false,
                        List.of("JOB_SEEKERS", "NEWCOMERS"), List.of("1.1", "2.6"), "Kursraum", null, null, null,
                        List.of(session(1, DayOfWeek.WEDNESDAY, "15:00", "17:00"), session(2, DayOfWeek.WEDNESDAY, "15:00", "17:00"))),
                new Demo("groepelingen", CourseDemoTexts.FAKE_NEWS_SCHOOL, 28, "de", "FOUNDATION", false,
                        List.of("YOUTH"), List.of("1.2", "2.5"), "Kursraum 2", null, null, null,
                        List.of(session(2, DayOfWeek.THURSDAY, "10:00", "12:00"))),
                new Demo("vegesack", CourseDemoTexts.OFFICE_BASICS, 12, "de", "INTERMEDIATE", false,
                        List.of("JOB_SEEKERS", "SCHOOL_LEAVERS"), List.of("1.3", "3.1"), "Computerraum, 1. Stock", null, null, null,
                        List.of(session(3, DayOfWeek.TUESDAY, "13:00", "16:00"), session(4, DayOfWeek.TUESDAY, "13:00", "16:00"),
                                session(5, DayOfWeek.TUESDAY, "13:00", "16:00"))));
        LocalDate today = LocalDate.now(clock.withZone(CourseView.BREMEN));
        for (Demo demo : demos) {
            insert(demo, labIds.get(demo.lab()), today);
        }
        finishedCourse(labIds.get("groepelingen"), today);
        log.info("Demo data: {} upcoming courses across the labs and one finished one", demos.size());
    }

    /**
     * A course in Gröpelingen that ended last week, whose three demo participants completed it; their mails with the
     * badge claim link wait in /admin/outbox, so a badge can be claimed and verified right after the first start.
     */
    private void finishedCourse(long labId, LocalDate today) {
        Demo demo = new Demo("groepelingen", CourseDemoTexts.VIDEO_CALLS, 8, "de", "FOUNDATION", false,
                List.of("SENIORS", "FAMILIES"), List.of("2.1", "2.2", "4.2"), "Kursraum 1 (Erdgeschoss)", null, null, null,
                List.of(session(-3, DayOfWeek.MONDAY, "10:00", "12:00"), session(-2, DayOfWeek.MONDAY, "10:00", "12:00"),
                        session(-1, DayOfWeek.MONDAY, "10:00", "12:00")));
        long courseId = insert(demo, labId, today);
        List<Long> sessions = jdbc.sql("select id from course_session where course_id = ? order by starts_at").param(courseId)
                .query(Long.class).list();
        String[][] participants = {{"Demo-Teilnehmerin Erika", "erika.demo@example.org", "de"},
                {"Demo-Teilnehmer Oleksandr", "oleksandr.demo@example.org", "uk"},
                {"Demo-Teilnehmerin Rana", "rana.demo@example.org", "ar"}};
        for (String[] p : participants) {
            String token = SecretTokens.newToken();
            long registrationId = jdbc.sql("""
                    insert into course_registration (course_id, status, name, email, ui_language, manage_token_hash,
                        created_at, confirmed_at, completed_at)
                    values (?, 'CONFIRMED', ?, ?, ?, ?, now() - interval '5 weeks', now() - interval '5 weeks', now() - interval '1 week')
                    returning id""").params(courseId, p[0], p[1], p[2], SecretTokens.hash(token)).query(Long.class).single();
            sessions.forEach(session -> jdbc.sql("""
                    insert into course_attendance (session_id, registration_id, present, recorded_by) values (?, ?, true, 'demo')""")
                    .params(session, registrationId).update());
            mails.completed(store.registration(registrationId).orElseThrow(), token);
        }
    }

    private static DemoSession session(int weeks, DayOfWeek day, String from, String to) {
        return new DemoSession(weeks, day, from, to);
    }

    private long insert(Demo demo, long labId, LocalDate today) {
        long id = jdbc.sql("""
                insert into course (lab_id, language, level, technical, capacity, room, online_url, status, published_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', now()) returning id""")
                .params(labId, demo.language(), demo.level(), demo.technical(), demo.capacity(), demo.room(), demo.onlineUrl())
                .query(Long.class).single();
        demo.texts().forEach((language, text) -> jdbc.sql("""
                insert into course_text (course_id, language, title, summary, accessibility_notes, room) values (?, ?, ?, ?, ?, ?)""")
                .params(id, language, text[0], text[1],
                        "de".equals(language) ? demo.notesDe() : "en".equals(language) ? demo.notesEn()
                                : demo.notesDe() == null ? null
                                : CourseDemoTexts.ACCESSIBILITY_NOTES.getOrDefault(demo.notesDe(), Map.of()).get(language),
                        "de".equals(language) || demo.room() == null ? null
                                : CourseDemoTexts.ROOMS.getOrDefault(demo.room(), Map.of()).get(language))
                .update());
        demo.groups().forEach(g -> jdbc.sql("insert into course_target_group (course_id, target_group) values (?, ?)")
                .params(id, g).update());
        demo.competences().forEach(c -> jdbc.sql("insert into course_competence (course_id, competence) values (?, ?)")
                .params(id, c).update());
        for (DemoSession s : demo.sessions()) {
            LocalDate day = today.with(TemporalAdjusters.next(s.day())).plusWeeks(s.weeks() - 1);
            jdbc.sql("insert into course_session (course_id, starts_at, ends_at) values (?, ?, ?)")
                    .params(id, at(day, s.from()), at(day, s.to())).update();
        }
        jdbc.sql("insert into course_log (course_id, action, actor) values (?, 'CREATED', 'demo')").param(id).update();
        return id;
    }

    private static Timestamp at(LocalDate day, String time) {
        return Timestamp.from(day.atTime(LocalTime.parse(time)).atZone(CourseView.BREMEN).toInstant());
    }
}
