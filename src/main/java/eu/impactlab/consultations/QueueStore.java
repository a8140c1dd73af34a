package eu.impactlab.consultations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the walk-in queue: per-lab, per-day ticket numbers and the tickets' way from waiting to served. */
@Repository
class QueueStore {

    enum Status {
        WAITING, CALLED, SERVED, LEFT
    }

    record Ticket(long id, long labId, LocalDate day, int number, String topicKey, String language, Status status,
            Instant createdAt, Instant calledAt, Long calledByHelperId, Integer waitingMinutes, Instant finishedAt,
            boolean outcomeRecorded) {
    }

    private static final String SELECT_TICKET = """
            select id, lab_id, day, number, topic_key, language, status, created_at, called_at, called_by_helper_id,
                waiting_minutes, finished_at, outcome_recorded_at from walk_in_ticket""";

    private final JdbcClient jdbc;

    QueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the lab's day. The upsert locks the counter row until the transaction ends, so concurrent
     * drawers queue up behind each other; a rolled-back ticket gives its number back. Call inside a transaction.
     */
    int nextNumber(long labId, LocalDate day) {
        return jdbc.sql("""
                insert into walk_in_counter (lab_id, day, last_number) values (:lab, :day, 1)
                on conflict (lab_id, day) do update set last_number = walk_in_counter.last_number + 1
                returning last_number""")
                .param("lab", labId).param("day", day)
                .query(Integer.class).single();
    }

    long insert(long labId, LocalDate day, int number, String topicKey, String language, Instant createdAt, String requestKey) {
        return jdbc.sql("""
                insert into walk_in_ticket (lab_id, day, number, topic_key, language, created_at, request_key)
                values (:lab, :day, :number, :topic, :language, :created, :key) returning id""")
                .param("lab", labId).param("day", day).param("number", number).param("topic", topicKey)
                .param("language", language).param("created", Timestamp.from(createdAt)).param("key", requestKey)
                .query(Long.class).single();
    }

    Optional<Ticket> byId(long id) {
        return jdbc.sql(SELECT_TICKET + " where id = :id").param("id", id).query(this::ticket).optional();
    }

    Optional<Ticket> byRequestKey(String key) {
        return jdbc.sql(SELECT_TICKET + " where request_key = :key").param("key", key).query(this::ticket).optional();
    }

    Optional<Ticket> byCallKey(String key) {
        return jdbc.sql(SELECT_TICKET + " where call_key = :key").param("key", key).query(this::ticket).optional();
    }

    /** The lab's tickets of a day, in the order they were drawn. */
    List<Ticket> tickets(long labId, LocalDate day) {
        return jdbc.sql(SELECT_TICKET + " where lab_id = :lab and day = :day order by number")
                .param("lab", labId).param("day", day).query(this::ticket).list();
    }

    /** The oldest waiting ticket, locked for this transaction; one that another helper is calling right now is skipped. */
    Optional<Ticket> lockOldestWaiting(long labId, LocalDate day) {
        return jdbc.sql(SELECT_TICKET + """
                 where lab_id = :lab and day = :day and status = 'WAITING'
                order by number limit 1 for update skip locked""")
                .param("lab", labId).param("day", day).query(this::ticket).optional();
    }

    void markCalled(long id, Instant at, long helperId, int waitingMinutes, String callKey, String desk) {
        jdbc.sql("""
                update walk_in_ticket set status = 'CALLED', called_at = :at, called_by_helper_id = :helper,
                    waiting_minutes = :waiting, call_key = :key, called_desk = :desk
                where id = :id and status = 'WAITING'""")
                .param("id", id).param("at", Timestamp.from(at)).param("helper", helperId)
                .param("waiting", waitingMinutes).param("key", callKey).param("desk", desk).update();
    }

    /** The desk of the number called last at the lab that day, if the helper gave one. */
    String currentDesk(long labId, LocalDate day) {
        return jdbc.sql("""
                select called_desk from walk_in_ticket where lab_id = :lab and day = :day and status = 'CALLED'
                order by called_at desc, number desc limit 1""")
                .param("lab", labId).param("day", day).query(String.class).optional().orElse(null);
    }

    /** Moves a ticket on; false when it was not in one of the expected states any more (someone else was quicker). */
    boolean finish(long id, Status to, Instant at, Status... from) {
        List<String> states = java.util.Arrays.stream(from).map(Enum::name).toList();
        return jdbc.sql("""
                update walk_in_ticket set status = :to, finished_at = :at
                where id = :id and status in (:from)""")
                .param("id", id).param("to", to.name()).param("at", Timestamp.from(at)).param("from", states)
                .update() == 1;
    }

    /** Marks that the ticket's outcome is recorded; false when it was already. */
    boolean markOutcomeRecorded(long id, Instant at) {
        return jdbc.sql("""
                update walk_in_ticket set outcome_recorded_at = :at
                where id = :id and status = 'SERVED' and outcome_recorded_at is null""")
                .param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    long count(long labId, LocalDate day, Status status) {
        return jdbc.sql("select count(*) from walk_in_ticket where lab_id = :lab and day = :day and status = :status")
                .param("lab", labId).param("day", day).param("status", status.name()).query(Long.class).single();
    }

    /** Numbers being called right now, the latest call first. */
    List<Integer> calledNumbers(long labId, LocalDate day) {
        return jdbc.sql("""
                select number from walk_in_ticket where lab_id = :lab and day = :day and status = 'CALLED'
                order by called_at desc, number desc""")
                .param("lab", labId).param("day", day).query(Integer.class).list();
    }

    void log(long ticketId, String action, String actor) {
        jdbc.sql("insert into walk_in_ticket_log (ticket_id, action, actor) values (:id, :action, :actor)")
                .param("id", ticketId).param("action", action).param("actor", actor).update();
    }

    private Ticket ticket(ResultSet rs, int i) throws SQLException {
        Timestamp called = rs.getTimestamp("called_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        long helper = rs.getLong("called_by_helper_id");
        Long helperId = rs.wasNull() ? null : helper;
        int waiting = rs.getInt("waiting_minutes");
        Integer waitingMinutes = rs.wasNull() ? null : waiting;
        return new Ticket(rs.getLong("id"), rs.getLong("lab_id"), rs.getDate("day").toLocalDate(), rs.getInt("number"),
                rs.getString("topic_key"), rs.getString("language"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), called == null ? null : called.toInstant(), helperId,
                waitingMinutes, finished == null ? null : finished.toInstant(), rs.getTimestamp("outcome_recorded_at") != null);
    }
}
