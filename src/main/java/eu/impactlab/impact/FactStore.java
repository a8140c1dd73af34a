package eu.impactlab.impact;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes facts; a fact whose event id is already stored is ignored, so a retried event counts once. */
@Repository
class FactStore {

    private final JdbcTemplate jdbc;

    FactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Called in the listener's own transaction. Its commit does not wait for the disk (synchronous_commit off, for
     * this transaction only): the rollup rows a fact adds to are shared by every fact of the lab and month, and each
     * wait for the disk held their locks and a pooled connection (bench/README.md, bookings). Nothing is lost: the event
     * publication is marked complete only after this commit, by a commit that waits for the disk and so writes this
     * one's log first; after a crash before that, the publication is still open and delivered again, and the event id
     * makes the fact count once.
     *
     * @return whether the fact was new
     */
    boolean add(Fact fact) {
        Integer inserted = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            if (!connection.getAutoCommit()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("set local synchronous_commit = off");
                }
            }
            try (var statement = connection.prepareStatement("""
                    insert into impact_fact (event_id, day, lab_id, activity, topics, target_groups, competences, language,
                        age_band, gender, stadtteil, stadtbezirk, first_visit, result, referral, technical, score,
                        waiting_minutes, cases)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (event_id) do nothing""")) {
                int i = 1;
                statement.setObject(i++, fact.eventId());
                statement.setObject(i++, fact.day());
                statement.setLong(i++, fact.labId());
                statement.setString(i++, fact.activity().name());
                statement.setArray(i++, array(connection, fact.topics()));
                statement.setArray(i++, array(connection, fact.targetGroups()));
                statement.setArray(i++, array(connection, fact.competences()));
                statement.setString(i++, fact.language());
                statement.setString(i++, fact.ageBand());
                statement.setString(i++, fact.gender());
                statement.setString(i++, fact.stadtteil());
                statement.setString(i++, fact.stadtbezirk());
                statement.setString(i++, fact.firstVisit());
                statement.setString(i++, fact.result());
                statement.setString(i++, fact.referral());
                statement.setObject(i++, fact.technical());
                statement.setObject(i++, fact.score());
                statement.setObject(i++, fact.waitingMinutes());
                statement.setInt(i, fact.cases());
                return statement.executeUpdate();
            }
        });
        return inserted != null && inserted == 1;
    }

    private static Array array(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("varchar", values.toArray());
    }
}
