package eu.impactlab.partners;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.equipment.GroupLoans;
import eu.impactlab.labs.LabService;
import eu.impactlab.platform.DemoDataPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty demo database: four partner organisations of the Gröpelingen lab (a school, a senior club, a migrant
 * association, a local business), the demo account {@code partner} bound to the school, and requests in several
 * states, one of them delivered and reported, and the ten tablets of its device loan reserved in the equipment pools
 * (hence after the equipment demo). The states are reached step by step, as the database allows.
 */
@Component
@Order(55)
class PartnersDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PartnersDemoData.class);

    private final JdbcClient jdbc;
    private final DemoDataPolicy policy;
    private final AccountService accounts;
    private final LabService labs;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GroupLoans groupLoans;

    PartnersDemoData(JdbcClient jdbc, DemoDataPolicy policy, AccountService accounts, LabService labs, Clock clock,
            ApplicationEventPublisher events, GroupLoans groupLoans) {
        this.events = events;
        this.groupLoans = groupLoans;
        this.jdbc = jdbc;
        this.policy = policy;
        this.accounts = accounts;
        this.labs = labs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("select count(*) from partner_organisation").query(Long.class).single() == 0;
        var partner = accounts.byUsername("partner");
        var lab = labs.idOf("groepelingen");
        if (!policy.seedDemoData() || !empty || partner.isEmpty() || lab.isEmpty()) {
            return;
        }
        long labId = lab.get();
        long school = organisation("Oberschule am Waller Ring (Demo)", "SCHOOL", "Walle", labId);
        long seniors = organisation("Seniorentreff Gröpelingen (Demo)", "SENIOR_CLUB", "Gröpelingen", labId);
        long association = organisation("Kulturverein Brücke e. V. (Demo)", "MIGRANT_ASSOCIATION", "Gröpelingen", labId);
        long shop = organisation("Fahrradladen Lindenhof (Demo)", "LOCAL_BUSINESS", "Gröpelingen", labId);
        long partnerId = partner.get().id();
        jdbc.sql("insert into partner_member (account_id, organisation_id, language, invited_by) values (?, ?, 'de', 'demo')")
                .params(partnerId, school).update();

        LocalDate today = LocalDate.now(clock);
        // The school: a new request, one waiting for the school's answer, one agreed, one delivered and reported.
        long fresh = request(school, labId, "WORKSHOP", "Medienkompetenz für die Klasse 7b", 24, "AGE_12_17", "de,tr",
                "LAB", partnerId, 0);
        dates(fresh, today.plusDays(14), today.plusDays(16));
        long waiting = request(school, labId, "LAB_VISIT", "Besuch im Lab: 3D-Druck kennenlernen", 18, "AGE_12_17", "de",
                "LAB", partnerId, 4);
        dates(waiting, today.plusDays(20), today.plusDays(21));
        step(waiting, "CLARIFYING", "coordinator");
        message(waiting, true, "Gern! Passt Ihnen der Vorschlag unten? Wie viele Lehrkräfte kommen mit?");
        message(waiting, true, "Lehrkraft hat angerufen, kommt mit zwei Begleitpersonen.", true);
        ZonedDateTime proposal = at(workday(today.plusDays(22)), 9);
        jdbc.sql("""
                update partner_request set waiting_for_partner = true, first_reply_at = now(), date_proposed_at = now(),
                    proposed_start = ?, proposed_end = ? where id = ?""")
                .params(Timestamp.from(proposal.toInstant()), Timestamp.from(proposal.plusHours(2).toInstant()), waiting).update();
        jdbc.sql("insert into partner_request_pause (request_id, from_at) values (?, now())").param(waiting).update();
        long agreed = request(school, labId, "DEVICE_LOAN", "Zehn Tablets für die Projektwoche", 25, "AGE_12_17", "de",
                "LAB", partnerId, 8);
        ZonedDateTime pickUp = at(workday(today.plusDays(10)), 10);
        jdbc.sql("update partner_request set device_type = 'TABLET', device_count = 10, loan_from = ?, loan_until = ? where id = ?")
                .params(pickUp.toLocalDate(), pickUp.toLocalDate().plusDays(7), agreed).update();
        schedule(agreed, pickUp);
        // The ten tablets are really reserved: the last ten of the lab's pool (the first ones stay for single loans).
        List<GroupLoans.Candidate> tablets = groupLoans.candidates(labId, "TABLET", pickUp.toLocalDate(),
                pickUp.toLocalDate().plusDays(7));
        if (tablets.size() >= 10) {
            groupLoans.reserve(labId, agreed, "Oberschule am Waller Ring (Demo)", "TABLET", pickUp.toLocalDate(),
                    pickUp.toLocalDate().plusDays(7), tablets.subList(tablets.size() - 10, tablets.size()).stream()
                            .map(GroupLoans.Candidate::id).toList(), 0);
        }
        long done = request(school, labId, "WORKSHOP", "Sicher im Netz: Workshop für die Klasse 9a", 22, "AGE_12_17", "de,ar,tr",
                "ON_SITE", partnerId, 30);
        schedule(done, at(workday(today.minusDays(12)), 10));
        step(done, "DELIVERED", "coordinator");
        jdbc.sql("update partner_request set delivered_at = now() - interval '11 days', feedback_score = 5 where id = ?")
                .param(done).update();
        jdbc.sql("""
                insert into partner_reach_report (request_id, participants, age_under_12, age_12_17, age_18_26, age_27_64,
                    age_65_plus, first_time, languages, duration_minutes, staff_hours, volunteer_hours, devices_lent, filed_by)
                values (?, 22, 0, 20, 0, 2, 0, 15, 'de,ar,tr', 90, 3.0, 1.5, 12, 'coordinator')""").param(done).update();
        step(done, "REPORTED", "coordinator");
        // The report reaches the funders' figures as a real report does: as an event to the impact module.
        events.publishEvent(new PartnerReachReported(UUID.randomUUID(), workday(today.minusDays(12)), labId, "WORKSHOP",
                "Walle", 22, Map.of("UNDER_12", 0, "AGE_12_17", 20, "AGE_18_26", 0, "AGE_27_64", 2, "AGE_65_PLUS", 0), 15,
                List.of("de", "ar", "tr"), 90, 12));

        // The other organisations: a smartphone afternoon, help with online forms in Arabic, a declined request.
        long smartphone = request(seniors, labId, "WORKSHOP", "Smartphone-Nachmittag", 12, "AGE_65_PLUS", "de,tr,ar",
                "LAB", partnerId, 1);
        dates(smartphone, today.plusDays(9), today.plusDays(12));
        long forms = request(association, labId, "GROUP_CONSULTATION", "Online-Formulare: Wohngeld und Kita-Platz", 8,
                "AGE_27_64", "ar,ku", "ON_SITE", partnerId, 6);
        dates(forms, today.plusDays(8), today.plusDays(15));
        step(forms, "CLARIFYING", "coordinator");
        jdbc.sql("update partner_request set first_reply_at = created_at + interval '1 day' where id = ?").param(forms).update();
        message(forms, true, "Wir haben eine Lotsin mit Arabisch. Sollen wir zu Ihnen in den Verein kommen?");
        long website = request(shop, labId, "GROUP_CONSULTATION", "Online-Auftritt des Ladens", 2, "AGE_27_64", "de",
                "LAB", partnerId, 10);
        dates(website, today.plusDays(5), today.plusDays(6));
        jdbc.sql("""
                update partner_request set decline_reason = 'Einzelberatung für Betriebe bieten wir nicht als Gruppe an.',
                    decline_alternative = 'Buchen Sie eine Beratung zum Thema Online-Auftritt in der offenen Sprechstunde.',
                    first_reply_at = created_at + interval '1 day' where id = ?""").param(website).update();
        step(website, "DECLINED", "coordinator");
        log.info("Demo partners created: 4 organisations of the Gröpelingen lab; the account 'partner' acts for the school");
    }

    private long organisation(String name, String kind, String stadtteil, long labId) {
        return jdbc.sql("insert into partner_organisation (name, kind, stadtteil, lab_id) values (?, ?, ?, ?) returning id")
                .params(name, kind, stadtteil, labId).query(Long.class).single();
    }

    private long request(long org, long labId, String kind, String topic, int size, String ages, String languages,
            String place, long by, int daysAgo) {
        long id = jdbc.sql("""
                insert into partner_request (organisation_id, lab_id, kind, topic, group_size, age_bands, languages, place,
                    device_type, device_count, loan_from, loan_until, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() - make_interval(days => ?)) returning id""")
                .params(org, labId, kind, topic, size, ages, languages, place,
                        "DEVICE_LOAN".equals(kind) ? "TABLET" : null, "DEVICE_LOAN".equals(kind) ? 10 : null,
                        "DEVICE_LOAN".equals(kind) ? LocalDate.now(clock).plusDays(10) : null,
                        "DEVICE_LOAN".equals(kind) ? LocalDate.now(clock).plusDays(17) : null, by, daysAgo)
                .query(Long.class).single();
        jdbc.sql("insert into partner_request_log (request_id, action, to_state, actor, visible_to_partner, at) "
                + "values (?, 'REQUESTED', 'REQUESTED', 'partner', true, now() - make_interval(days => ?))")
                .params(id, daysAgo).update();
        return id;
    }

    private void dates(long id, LocalDate first, LocalDate second) {
        int position = 1;
        LocalDate one = workday(first);
        LocalDate two = workday(second);
        for (LocalDate day : new LocalDate[] {one, two.equals(one) ? one.plusWeeks(1) : two}) {
            ZonedDateTime start = at(day, 14);
            jdbc.sql("insert into partner_request_date (request_id, position, starts_at, ends_at) values (?, ?, ?, ?)")
                    .params(id, position++, Timestamp.from(start.toInstant()), Timestamp.from(start.plusHours(2).toInstant()))
                    .update();
        }
    }

    private void schedule(long id, ZonedDateTime start) {
        jdbc.sql("""
                update partner_request set scheduled_start = ?, scheduled_end = ?, first_reply_at = created_at + interval '1 day',
                    date_proposed_at = created_at + interval '2 days', calendar_sequence = 1 where id = ?""")
                .params(Timestamp.from(start.toInstant()), Timestamp.from(start.plusHours(2).toInstant()), id).update();
        step(id, "SCHEDULED", "coordinator");
    }

    private void step(long id, String state, String actor) {
        String from = jdbc.sql("select state from partner_request where id = ?").param(id).query(String.class).single();
        jdbc.sql("update partner_request set state = ? where id = ?").params(state, id).update();
        jdbc.sql("insert into partner_request_log (request_id, action, from_state, to_state, actor, visible_to_partner) "
                + "values (?, ?, ?, ?, ?, ?)").params(id, "CLARIFYING".equals(state) ? "ANSWERED" : state, from, state, actor,
                        !"REPORTED".equals(state)).update();
    }

    private void message(long id, boolean fromLab, String body) {
        message(id, fromLab, body, false);
    }

    private void message(long id, boolean fromLab, String body, boolean internal) {
        jdbc.sql("insert into partner_message (request_id, from_lab, internal, body) values (?, ?, ?, ?)")
                .params(id, fromLab, internal, body).update();
    }

    /** The next Tuesday to Thursday from this day, so demo dates avoid weekends and most holidays. */
    private static LocalDate workday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek().getValue() < 2 || d.getDayOfWeek().getValue() > 4) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static ZonedDateTime at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), PartnerStore.BREMEN);
    }
}
