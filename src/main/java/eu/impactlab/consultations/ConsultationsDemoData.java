package eu.impactlab.consultations;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import eu.impactlab.accounts.Role;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import eu.impactlab.platform.DemoDataPolicy;

/**
 * Demo helpers know every topic, speak several languages and are there whenever their lab is open, so a fresh
 * start always offers free times in the next days in German and many other languages.
 */
@Component
@Order(30)
class ConsultationsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConsultationsDemoData.class);

    /** Languages and ways of meeting per demo helper, by user name. */
    private static final Map<String, List<String>> LANGUAGES = Map.of(
            "helper", List.of("de", "tr", "ar", "ku", "en"),
            "helper2", List.of("de", "en", "bg", "ro", "pl"),
            "helper.vegesack", List.of("de", "ru", "uk", "pl", "en"),
            "helper.osterholz", List.of("de", "ar", "fa", "tr", "en"));
    private static final Map<String, List<Mode>> MODES = Map.of(
            "helper", List.of(Mode.IN_PERSON, Mode.PHONE, Mode.VIDEO),
            "helper2", List.of(Mode.IN_PERSON, Mode.PHONE),
            "helper.vegesack", List.of(Mode.IN_PERSON, Mode.PHONE, Mode.VIDEO),
            "helper.osterholz", List.of(Mode.IN_PERSON, Mode.PHONE));

    private final DemoDataPolicy policy;
    private final JdbcClient jdbc;
    private final LabService labs;
    private final AccountService accounts;

    ConsultationsDemoData(DemoDataPolicy policy, JdbcClient jdbc, LabService labs, AccountService accounts) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.labs = labs;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("select count(*) from helper_availability").query(Long.class).single() == 0;
        if (!policy.seedDemoData() || !empty) {
            return;
        }
        List<String> topics = jdbc.sql("select key from topic").query(String.class).list();
        int helpers = 0;
        for (LabView lab : labs.labs(Language.DE)) {
            var weekly = labs.weeklyHours(lab.slug());
            for (AccountView helper : accounts.staffOf(lab.id())) {
                if (helper.role() != Role.HELPER || !LANGUAGES.containsKey(helper.username())) {
                    continue;
                }
                helpers++;
                topics.forEach(topic -> jdbc.sql("insert into helper_topic (helper_id, topic_key) values (?, ?)")
                        .params(helper.id(), topic).update());
                LANGUAGES.get(helper.username()).forEach(language -> jdbc.sql(
                        "insert into helper_language (helper_id, language) values (?, ?)").params(helper.id(), language).update());
                List<Mode> modes = MODES.get(helper.username());
                weekly.forEach((day, periods) -> periods.forEach(period -> jdbc.sql("""
                        insert into helper_availability (helper_id, lab_id, day_of_week, starts, ends, in_person, phone, video)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(helper.id(), lab.id(), day.getValue(), period.opens(), period.closes(),
                                modes.contains(Mode.IN_PERSON), modes.contains(Mode.PHONE), modes.contains(Mode.VIDEO))
                        .update()));
            }
        }
        log.info("Demo data: {} helpers with topics, languages and weekly hours at their labs", helpers);
    }
}
