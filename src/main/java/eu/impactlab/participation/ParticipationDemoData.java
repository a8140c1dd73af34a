package eu.impactlab.participation;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.DemoDataPolicy;
import eu.impactlab.platform.SecretTokens;
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
 * Per lab a few published ideas of each kind, written in the neighbours' languages, with supports: one PLANNED and
 * linked to a demo course of that lab, one NOT_POSSIBLE with its reason, one under review, and one waiting for the
 * coordinator. Created once on an empty database when demo data is wanted, after the demo courses.
 */
@Component
@Order(50)
class ParticipationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ParticipationDemoData.class);

    /** A demo idea: answer null for none, "WAITING" for one the coordinator has not reviewed yet. */
    private record Demo(String lab, IdeaKind kind, String language, String title, String text, String answer,
            String answerText, int supports, int inPerson) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo("groepelingen", IdeaKind.COURSE, "tr", "Okul portalı için Türkçe kurs",
                    "Annelere okulun çevrimiçi portalını ve e-postalarını Türkçe anlatan bir kurs olsa çok iyi olur. Çocuklarımızın ödevlerini ve mesajlarını görmek istiyoruz.",
                    "PLANNED", "Wir bieten dazu einen Kurs auf Türkisch an: Das Handy für Alltag und Schule.", 14, 4),
            new Demo("groepelingen", IdeaKind.EQUIPMENT, "de", "Ein Vinylschneider für Schilder und T-Shirts",
                    "Für Vereine und das Stadtteilfest könnten wir eigene Schilder, Aufkleber und T-Shirts machen.",
                    "UNDER_REVIEW", "Wir holen Angebote ein und fragen, wer das Gerät betreuen kann.", 6, 0),
            new Demo("groepelingen", IdeaKind.PROJECT, "ar", "مقهى تصليح للهواتف القديمة",
                    "مرة في الشهر نصلح معاً الهواتف والحواسيب القديمة، ونتعلم كيف نعتني بها بدلاً من رميها.", null, null, 9, 2),
            new Demo("groepelingen", IdeaKind.OTHER, "de", "Samstags länger geöffnet",
                    "Viele von uns arbeiten unter der Woche. Samstags bis 18 Uhr wäre toll.",
                    "NOT_POSSIBLE", "Samstags ist das Haus nur bis 14 Uhr offen, länger geht es mit unserem Team nicht. Wir prüfen stattdessen einen langen Donnerstag.", 7, 0),
            new Demo("groepelingen", IdeaKind.COURSE, "ls", "Ein Kurs für das Handy in Leichter Sprache",
                    "Ich möchte das Handy gut benutzen. Bitte mit einfachen Worten und langsam.", "WAITING", null, 0, 0),
            new Demo("vegesack", IdeaKind.COURSE, "uk", "Курс про онлайн-послуги міста",
                    "Як записатися на прийом до відомства онлайн, як завантажити документи? Хотілося б курс українською.",
                    "PLANNED", "Der Kurs zu Ämtern online läuft auf Ukrainisch.", 11, 3),
            new Demo("vegesack", IdeaKind.PROJECT, "de", "Spiele-Wochenende für den Jugendclub",
                    "Ein Wochenende, an dem Jugendliche ein eigenes kleines Computerspiel bauen, mit Musik und Grafik.",
                    "DONE", "Das erste Spiele-Wochenende war im Herbst, das nächste kommt im Frühjahr.", 8, 0),
            new Demo("vegesack", IdeaKind.EQUIPMENT, "ru", "3D-принтер для школьных проектов",
                    "Дети могли бы печатать детали для своих школьных проектов прямо в лаборатории.",
                    "NOT_POSSIBLE", "Der Raum hat keine Lüftung für einen 3D-Drucker. Das Lab in Osterholz hat einen: dort können Schulprojekte drucken.", 5, 0),
            new Demo("vegesack", IdeaKind.OTHER, "pl", "Kącik do nauki z Wi-Fi po szkole",
                    "Spokojne miejsce z internetem, gdzie dzieci mogą odrabiać lekcje po szkole.", null, null, 5, 1),
            new Demo("vegesack", IdeaKind.PROJECT, "en", "A digital map of the neighbourhood's benches",
                    "Older people could find places to rest on their walks; we could map them together.", "WAITING", null, 0, 0),
            new Demo("osterholz", IdeaKind.COURSE, "ar", "دورة عن البحث عن عمل عبر الإنترنت بالعربية",
                    "كيف أكتب سيرة ذاتية وأتقدم لوظيفة عبر الإنترنت؟ نريد دورة باللغة العربية.",
                    "PLANNED", "Dazu gibt es den Kurs auf Arabisch zu Bewerbungen online.", 12, 5),
            new Demo("osterholz", IdeaKind.PROJECT, "de", "Reparatur-Café für alte Handys",
                    "Einmal im Monat alte Handys und Laptops gemeinsam reparieren und weitergeben.",
                    "UNDER_REVIEW", "Wir suchen Ehrenamtliche, die mitmachen.", 9, 0),
            new Demo("osterholz", IdeaKind.EQUIPMENT, "en", "A laser cutter for the maker corner",
                    "With a laser cutter the youth group could build their own boxes and signs.",
                    "NOT_POSSIBLE", "Ein Lasercutter braucht eine Abluft und eine ständige Aufsicht, beides hat das Lab nicht.", 4, 0),
            new Demo("osterholz", IdeaKind.OTHER, "tr", "Kadınlar için sakin bir çalışma saati",
                    "Haftada bir kez sadece kadınlara açık sakin bir saat olsa, daha rahat öğrenirdik.", null, null, 10, 2),
            new Demo("osterholz", IdeaKind.COURSE, "de", "Online-Banking sicher nutzen",
                    "Viele Ältere trauen sich nicht, Überweisungen online zu machen. Ein Kurs mit Übungskonto wäre gut.",
                    "WAITING", null, 0, 0));

    private final DemoDataPolicy policy;
    private final JdbcClient jdbc;
    private final LabService labs;
    private final ParticipationProperties properties;
    private final org.springframework.context.ApplicationEventPublisher events;

    ParticipationDemoData(DemoDataPolicy policy, JdbcClient jdbc, LabService labs, ParticipationProperties properties,
            org.springframework.context.ApplicationEventPublisher events) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.labs = labs;
        this.properties = properties;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Map<String, Long> labIds = labs.labs(Language.DE).stream().collect(Collectors.toMap(LabView::slug, LabView::id));
        boolean empty = jdbc.sql("select count(*) from idea").query(Long.class).single() == 0;
        if (!policy.seedDemoData() || !empty || !labIds.keySet().containsAll(List.of("groepelingen", "vegesack", "osterholz"))) {
            return;
        }
        int days = DEMOS.size() + 10;
        for (Demo demo : DEMOS) {
            insert(demo, labIds.get(demo.lab()), days--);
        }
        log.info("Demo data: {} ideas across the labs", DEMOS.size());
    }

    private void insert(Demo d, long labId, int daysAgo) {
        boolean waiting = "WAITING".equals(d.answer());
        String answer = waiting ? null : d.answer();
        // A demo course of the same lab realises the PLANNED idea (read-only: the demo courses exist by now).
        Long course = "PLANNED".equals(answer) ? jdbc.sql("""
                select c.id from course c join course_text t on t.course_id = c.id
                where c.lab_id = ? and c.status = 'PUBLISHED' and c.language = ? order by c.id limit 1""")
                .params(labId, "ls".equals(d.language()) ? "de" : d.language()).query(Long.class).optional()
                .orElse(null) : null;
        long id = jdbc.sql("""
                insert into idea (lab_id, kind, title, text, language, ui_language, state, answer_state, answer_text,
                                  linked_course_id, manage_token_hash, licence, created_at, published_at, first_answered_at,
                                  last_decision_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        now() - make_interval(days => ?), ?, ?, ?) returning id""")
                .params(labId, d.kind().name(), d.title(), d.text(), d.language(),
                        "ls".equals(d.language()) ? "de" : d.language(), waiting ? "PENDING" : "PUBLISHED", answer,
                        d.answerText(), course, SecretTokens.hash(SecretTokens.newToken()), properties.licence(), daysAgo,
                        waiting ? null : java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo - 1))),
                        answer == null ? null : java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo - 3))),
                        waiting ? null : java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo - 3))))
                .query(Long.class).single();
        // Random browser ids stand for the neighbours who tapped "support"; helpers counted the others at the lab.
        jdbc.sql("insert into idea_support (idea_id, browser_hash) select ?, md5(random()::text) || md5(random()::text) from generate_series(1, ?)")
                .params(id, d.supports() - d.inPerson()).update();
        jdbc.sql("insert into idea_support (idea_id, in_person) select ?, true from generate_series(1, ?)")
                .params(id, d.inPerson()).update();
        jdbc.sql("insert into idea_log (idea_id, action, actor) values (?, 'CREATED', 'demo')").param(id).update();
        // The same events as real use, so the funders' participation figures have something to show.
        java.time.LocalDate proposed = java.time.LocalDate.now().minusDays(daysAgo);
        events.publishEvent(new IdeaProposed(java.util.UUID.randomUUID(), proposed, labId, d.kind().name()));
        for (int i = 0; i < d.supports(); i++) {
            events.publishEvent(new IdeaSupported(java.util.UUID.randomUUID(), proposed.plusDays(1 + i % 3), labId,
                    d.kind().name(), i < d.inPerson()));
        }
        if (answer != null) {
            events.publishEvent(new IdeaAnswered(java.util.UUID.randomUUID(), proposed.plusDays(2), labId, d.kind().name(),
                    answer, course != null || "DONE".equals(answer), 2));
        }
    }
}
