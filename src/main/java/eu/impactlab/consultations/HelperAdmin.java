package eu.impactlab.consultations;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import eu.impactlab.platform.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes what a helper knows and when they are at a lab. */
@Component
class HelperAdmin {

    record Hours(DayOfWeek day, LocalTime starts, LocalTime ends, Set<Mode> modes) {
    }

    record Absence(long id, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    HelperAdmin(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Set<String> topics(long helper) {
        return Set.copyOf(jdbc.sql("select topic_key from helper_topic where helper_id = ?").param(helper).query(String.class).list());
    }

    List<String> languages(long helper) {
        return jdbc.sql("select language from helper_language where helper_id = ? order by language").param(helper)
                .query(String.class).list();
    }

    List<Hours> availability(long helper, long lab) {
        return jdbc.sql("""
                select day_of_week, starts, ends, in_person, phone, video from helper_availability
                where helper_id = ? and lab_id = ? order by day_of_week, starts""").params(helper, lab)
                .query((rs, i) -> {
                    Set<Mode> modes = EnumSet.noneOf(Mode.class);
                    if (rs.getBoolean("in_person")) modes.add(Mode.IN_PERSON);
                    if (rs.getBoolean("phone")) modes.add(Mode.PHONE);
                    if (rs.getBoolean("video")) modes.add(Mode.VIDEO);
                    return new Hours(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime(), modes);
                }).list();
    }

    List<Absence> absences(long helper, LocalDate from) {
        return jdbc.sql("select id, starts_on, ends_on from helper_absence where helper_id = ? and ends_on >= ? order by starts_on")
                .params(helper, Date.valueOf(from))
                .query((rs, i) -> new Absence(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate())).list();
    }

    /** Replaces the helper's topics and languages, and their weekly hours at this lab (other labs stay). */
    @Transactional
    void save(long helper, long lab, Set<String> topics, Set<String> languages, List<Hours> hours, String actor) {
        jdbc.sql("delete from helper_topic where helper_id = ?").param(helper).update();
        for (String topic : topics) {
            jdbc.sql("insert into helper_topic (helper_id, topic_key) select ?, key from topic where key = ?").params(helper, topic).update();
        }
        jdbc.sql("delete from helper_language where helper_id = ?").param(helper).update();
        for (String language : languages) {
            jdbc.sql("insert into helper_language (helper_id, language) values (?, ?)").params(helper, language).update();
        }
        jdbc.sql("delete from helper_availability where helper_id = ? and lab_id = ?").params(helper, lab).update();
        for (Hours h : hours) {
            jdbc.sql("""
                    insert into helper_availability (helper_id, lab_id, day_of_week, starts, ends, in_person, phone, video)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(helper, lab, h.day().getValue(), h.starts(), h.ends(), h.modes().contains(Mode.IN_PERSON),
                            h.modes().contains(Mode.PHONE), h.modes().contains(Mode.VIDEO))
                    .update();
        }
        audit(actor, "HELPER_SCHEDULE_CHANGED", helper, lab, "topics " + new java.util.TreeSet<>(topics) + ", languages "
                + new java.util.TreeSet<>(languages) + ", " + hours.size() + " weekly periods");
    }

    @Transactional
    void addAbsence(long helper, LocalDate from, LocalDate to, Long lab, String actor) {
        jdbc.sql("insert into helper_absence (helper_id, starts_on, ends_on) values (?, ?, ?)")
                .params(helper, Date.valueOf(from), Date.valueOf(to)).update();
        audit(actor, "HELPER_ABSENCE_ADDED", helper, lab, from + " – " + to);
    }

    @Transactional
    void removeAbsence(long helper, long absence, Long lab, String actor) {
        if (jdbc.sql("delete from helper_absence where id = ? and helper_id = ?").params(absence, helper).update() > 0) {
            audit(actor, "HELPER_ABSENCE_REMOVED", helper, lab, null);
        }
    }

    /** The helper's account id is the object: the audit trail holds ids, never names. */
    private void audit(String actor, String action, long helper, Long lab, String details) {
        events.publishEvent(new StaffAction(actor, action, "helper", String.valueOf(helper), lab, details));
    }
}
