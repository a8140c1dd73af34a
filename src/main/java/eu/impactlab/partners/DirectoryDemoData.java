package eu.impactlab.partners;

import eu.impactlab.labs.LabService;
import eu.impactlab.platform.DemoDataPolicy;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a demo database without directory entries: a dozen published entries across Stadtteile in West, Nord and Ost
 * (three of the four demo organisations and invented neighbourhood ones, no real people) and the demo school's entry
 * waiting for review. The states are reached step by step, as the database trigger allows.
 */
@Component
@Order(56) // after PartnersDemoData (55): three entries belong to its demo organisations
class DirectoryDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryDemoData.class);

    private record Demo(String name, String kind, String stadtteil, String lab, String description, String hours,
            String offers, String languages, String access, String website) {
    }

    private static final List<Demo> INVENTED = List.of(
            new Demo("Stadtteilladen Findorff (Demo)", "NEIGHBOURHOOD_NETWORK", "Findorff", "groepelingen",
                    "Ein offener Laden für die Nachbarschaft: Tauschregal, Sprechstunde für Fragen zu Formularen und ein Sprachcafé am Donnerstag.",
                    "Di und Do 15–18 Uhr", "LANGUAGE_CAFE,COMPUTER_HELP", "de,en,pl", "STEP_FREE,SEATS_TO_REST", "https://findorff.example.org"),
            new Demo("Jugendtreff Am Hafen (Demo)", "YOUTH_CENTRE", "Vegesack", "vegesack",
                    "Treffpunkt für Jugendliche von 12 bis 21: Hausaufgabenhilfe, Bewerbungstraining und Praktikumsbörse mit Betrieben aus dem Stadtteil.",
                    "Mo–Fr 14–20 Uhr", "HOMEWORK_HELP,INTERNSHIPS", "de,tr,ar", "STEP_FREE,ACCESSIBLE_TOILET", null),
            new Demo("Nachbarschaftsnetz Blumenthal (Demo)", "NEIGHBOURHOOD_NETWORK", "Blumenthal", "vegesack",
                    "Nachbarinnen und Nachbarn helfen einander: Einkaufshilfe, Besuche und einmal im Monat ein Reparatur-Café.",
                    "Jeden ersten Samstag im Monat 10–13 Uhr", "REPAIR_CAFE,MEETING_ROOMS", "de,ru,uk", "STEP_FREE", null),
            new Demo("Reparaturtreff Burglesum (Demo)", "SOCIO_CULTURAL_CENTRE", "Burglesum", "vegesack",
                    "Kaputtes Radio, wackliger Stuhl, langsamer Laptop? Wir reparieren gemeinsam und zeigen, wie es geht.",
                    "Mi 17–20 Uhr", "REPAIR_CAFE,COMPUTER_HELP", "de,en", "SEATS_TO_REST", "https://reparatur.example.org"),
            new Demo("Sprachcafé Tenever (Demo)", "MIGRANT_ASSOCIATION", "Osterholz", "osterholz",
                    "Deutsch üben bei Tee und Gebäck, Hilfe bei Briefen von Ämtern und ein Raum für Elterngruppen.",
                    "Mo und Mi 10–12 Uhr", "LANGUAGE_CAFE,MEETING_ROOMS", "de,ar,tr,ru", "STEP_FREE,ACCESSIBLE_TOILET,HEARING_LOOP", null),
            new Demo("Bürgertreff Hemelingen (Demo)", "SOCIO_CULTURAL_CENTRE", "Hemelingen", "osterholz",
                    "Räume für Vereine und Initiativen, eine offene Computerecke und Hausaufgabenhilfe für Grundschulkinder.",
                    "Mo–Do 9–18 Uhr", "MEETING_ROOMS,COMPUTER_HELP,HOMEWORK_HELP", "de,pl,tr", "STEP_FREE,ACCESSIBLE_TOILET", "https://buergertreff.example.org"),
            new Demo("Grundschule Am Vahrer Feld (Demo)", "SCHOOL", "Vahr", "osterholz",
                    "Grundschule mit Hausaufgabenhilfe am Nachmittag und einem Elterncafé in mehreren Sprachen.",
                    "Mo–Fr 8–16 Uhr", "HOMEWORK_HELP,LANGUAGE_CAFE", "de,ar,uk", "STEP_FREE", null),
            new Demo("Seniorenkreis Schwachhausen (Demo)", "SENIOR_CLUB", "Schwachhausen", "osterholz",
                    "Kaffee, Gespräche und Hilfe am Handy: Hier erklären Ehrenamtliche Schritt für Schritt, wie Videoanrufe gehen.",
                    "Di 14–17 Uhr", "COMPUTER_HELP", "de", "STEP_FREE,HEARING_LOOP,SEATS_TO_REST", null),
            new Demo("Tischlerei Holzweg (Demo)", "LOCAL_BUSINESS", "Walle", "groepelingen",
                    "Kleine Tischlerei im Stadtteil, bietet jedes Jahr Praktikumsplätze für Schülerinnen und Schüler an.",
                    "Mo–Fr 7–16 Uhr", "INTERNSHIPS", "de,en", "", "https://holzweg.example.org"));

    private final JdbcClient jdbc;
    private final DemoDataPolicy policy;
    private final LabService labs;

    DirectoryDemoData(JdbcClient jdbc, DemoDataPolicy policy, LabService labs) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.labs = labs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("select count(*) from partner_directory_entry").query(Long.class).single() == 0;
        if (!policy.seedDemoData() || !empty) {
            return;
        }
        int published = 0;
        published += demoOrganisation("Seniorentreff Gröpelingen (Demo)", new Demo(null, null, null, null,
                "Treffpunkt für ältere Menschen mit Kaffee, Spielenachmittag und einer Handy-Sprechstunde mit dem Lab.",
                "Mo–Fr 10–16 Uhr", "COMPUTER_HELP,MEETING_ROOMS", "de,tr", "STEP_FREE,ACCESSIBLE_TOILET,SEATS_TO_REST", null), true);
        published += demoOrganisation("Kulturverein Brücke e. V. (Demo)", new Demo(null, null, null, null,
                "Verein für Menschen aus vielen Ländern: Sprachcafé, Hausaufgabenhilfe und Hilfe bei Online-Formularen auf Arabisch.",
                "Di–Sa 14–19 Uhr", "LANGUAGE_CAFE,HOMEWORK_HELP,COMPUTER_HELP", "de,ar,tr", "STEP_FREE", "https://bruecke.example.org"), true);
        published += demoOrganisation("Fahrradladen Lindenhof (Demo)", new Demo(null, null, null, null,
                "Fahrradladen mit Werkstatt. Jeden Samstag helfen wir beim Reparieren, und wir bilden aus.",
                "Mo–Fr 9–18 Uhr, Sa 10–14 Uhr", "REPAIR_CAFE,INTERNSHIPS", "de,pl", "STEP_FREE", null), true);
        demoOrganisation("Oberschule am Waller Ring (Demo)", new Demo(null, null, null, null,
                "Oberschule im Stadtteil Walle mit Hausaufgabenhilfe und Praktikumsbörse für die Klassen 8 bis 10.",
                "Mo–Fr 7:30–16 Uhr", "HOMEWORK_HELP,INTERNSHIPS", "de,tr,ar", "STEP_FREE,ACCESSIBLE_TOILET", null), false);
        for (Demo demo : INVENTED) {
            Optional<Long> lab = labs.idOf(demo.lab());
            if (lab.isEmpty()) {
                continue;
            }
            long org = jdbc.sql("""
                    insert into partner_organisation (name, kind, stadtteil, lab_id) values (?, ?, ?, ?)
                    on conflict do nothing returning id""").params(demo.name(), demo.kind(), demo.stadtteil(), lab.get())
                    .query(Long.class).optional().orElse(-1L);
            if (org > 0) {
                entry(org, demo, true);
                published++;
            }
        }
        log.info("Demo data: {} published directory entries and one waiting for review", published);
    }

    private int demoOrganisation(String name, Demo demo, boolean publish) {
        Optional<Long> org = jdbc.sql("select id from partner_organisation where name = ?").param(name).query(Long.class).optional();
        org.ifPresent(id -> entry(id, demo, publish));
        return org.isPresent() && publish ? 1 : 0;
    }

    private void entry(long organisation, Demo demo, boolean publish) {
        long id = jdbc.sql("""
                insert into partner_directory_entry (organisation_id, description, opening_hours, offers, languages,
                    accessibility, website, contact_email) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(organisation, demo.description(), demo.hours(), demo.offers(), demo.languages(), demo.access(),
                        demo.website(), "info@" + organisation + ".demo.example.org")
                .query(Long.class).single();
        jdbc.sql("update partner_directory_entry set state = 'PENDING_REVIEW' where id = ?").param(id).update();
        if (publish) {
            jdbc.sql("update partner_directory_entry set state = 'PUBLISHED' where id = ?").param(id).update();
        }
    }
}
