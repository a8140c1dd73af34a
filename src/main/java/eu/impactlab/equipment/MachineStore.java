package eu.impactlab.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import eu.impactlab.platform.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Repository;

/** SQL for machines. */
@Repository
class MachineStore {

    private static final String SELECT = """
            select id, lab_id, name, type, state, induction_type, buffer_minutes, max_minutes, weekly_quota_minutes
            from machine""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MachineStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
    }

    List<Machine> atLab(long labId, boolean withRetired) {
        return jdbc.sql(SELECT + " where lab_id = :lab and (:retired or state <> 'RETIRED') order by name, id")
                .param("lab", labId).param("retired", withRetired).query(MachineStore::row).list();
    }

    Optional<Machine> byId(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(MachineStore::row).optional();
    }

    long insert(long labId, String name, MachineType type, MachineType induction, int buffer, int max, int quota) {
        return jdbc.sql("""
                insert into machine (lab_id, name, type, induction_type, buffer_minutes, max_minutes, weekly_quota_minutes)
                values (:lab, :name, :type, :induction, :buffer, :max, :quota) returning id""")
                .param("lab", labId).param("name", name).param("type", type.name())
                .param("induction", induction == null ? null : induction.name())
                .param("buffer", buffer).param("max", max).param("quota", quota).query(Long.class).single();
    }

    /** A coordinator's change of a machine's rules, audited in the same transaction. */
    @Transactional
    boolean update(long id, String state, MachineType induction, int buffer, int max, int quota, String actor) {
        Optional<Machine> before = byId(id);
        boolean changed = jdbc.sql("""
                update machine set state = :state, induction_type = :induction, buffer_minutes = :buffer,
                    max_minutes = :max, weekly_quota_minutes = :quota where id = :id""")
                .param("id", id).param("state", state).param("induction", induction == null ? null : induction.name())
                .param("buffer", buffer).param("max", max).param("quota", quota).update() == 1;
        before.filter(m -> changed).ifPresent(m -> events.publishEvent(new StaffAction(actor, "MACHINE_CHANGED", "machine",
                String.valueOf(id), m.labId(), "state " + m.state() + " → " + state + ", induction " + m.inductionType()
                        + " → " + induction + ", buffer " + m.bufferMinutes() + " → " + buffer + ", max " + m.maxMinutes()
                        + " → " + max + ", weekly " + m.weeklyQuotaMinutes() + " → " + quota)));
        return changed;
    }

    private static Machine row(ResultSet rs, int i) throws SQLException {
        String induction = rs.getString("induction_type");
        return new Machine(rs.getLong("id"), rs.getLong("lab_id"), rs.getString("name"), MachineType.valueOf(rs.getString("type")),
                rs.getString("state"), induction == null ? null : MachineType.valueOf(induction), rs.getInt("buffer_minutes"),
                rs.getInt("max_minutes"), rs.getInt("weekly_quota_minutes"));
    }
}
