package eu.impactlab.equipment;

import eu.impactlab.labs.DaySchedule;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.IdempotencyKeys;
import eu.impactlab.platform.SecretTokens;
import eu.impactlab.platform.SqlStates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Machine reservations by pass code. Everything a reservation depends on (the pass, its induction, its weekly quota,
 * the opening hours) is checked in the transaction that inserts it; the exclusion constraint over the booked time plus
 * the machine's buffer decides between two people who want the same time, so there is never more than one winner.
 */
@Component
class Reservations {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");
    private static final Duration STEP = Duration.ofMinutes(15);

    record Request(long machineId, String passCode, ZonedDateTime start, ZonedDateTime end, String uiLanguage,
            String idempotencyKey) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MachineStore machines;
    private final MakerPasses passes;
    private final LabService labs;
    private final ReservationMails mails;
    private final ApplicationEventPublisher events;
    private final EquipmentProperties properties;

    Reservations(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, MachineStore machines, MakerPasses passes,
            LabService labs, ReservationMails mails, ApplicationEventPublisher events, EquipmentProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.machines = machines;
        this.passes = passes;
        this.labs = labs;
        this.mails = mails;
        this.events = events;
        this.properties = properties;
    }

    ReservationOutcome reserve(Request request) {
        try {
            return transactions.execute(status -> reserveInTransaction(request));
        } catch (DataIntegrityViolationException e) {
            String state = SqlStates.of(e);
            if (SqlStates.EXCLUSION_VIOLATION.equals(state)) {
                Machine machine = machines.byId(request.machineId()).orElseThrow();
                return new ReservationOutcome.Taken(alternatives(machine, request.start(), request.end()));
            }
            if (SqlStates.UNIQUE_VIOLATION.equals(state) && request.idempotencyKey() != null) {
                // The same key raced itself: the first one won, the repeat gets its result.
                return transactions.execute(status -> repeated(request).orElseThrow(() -> e));
            }
            throw e;
        }
    }

    private ReservationOutcome reserveInTransaction(Request request) {
        Instant now = Instant.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Machine> found = machines.byId(request.machineId());
        if (found.isEmpty() || !found.get().active()) {
            errors.put("machine", "equipment.error.machineUnavailable");
            return new ReservationOutcome.Invalid(errors);
        }
        Machine machine = found.get();
        if (request.idempotencyKey() != null) {
            Optional<ReservationOutcome> repeat = repeated(request);
            if (repeat.isPresent()) {
                return repeat.get();
            }
        }
        Optional<MakerPasses.Pass> pass = passes.byCodeForUpdate(request.passCode());
        if (pass.isEmpty()) {
            errors.put("passCode", "equipment.error.passUnknown");
        }
        errors.putAll(timeErrors(machine, request.start(), request.end(), now));
        if (!errors.isEmpty()) {
            return new ReservationOutcome.Invalid(errors);
        }
        if (machine.inductionRequired()) {
            Optional<MakerPasses.Induction> induction = passes.induction(pass.get().id(), machine.inductionType());
            if (induction.isEmpty()) {
                return new ReservationOutcome.Refused("equipment.error.noInduction");
            }
            if (!induction.get().validAt(now) || !induction.get().validAt(request.end().toInstant())) {
                return new ReservationOutcome.Refused("equipment.error.inductionExpired");
            }
        }
        long minutes = Duration.between(request.start(), request.end()).toMinutes();
        if (minutesInWeek(pass.get().id(), machine.id(), request.start()) + minutes > machine.weeklyQuotaMinutes()) {
            errors.put("end", "equipment.error.quota");
            return new ReservationOutcome.Invalid(errors);
        }
        String token = SecretTokens.newToken();
        long id = jdbc.sql("""
                insert into machine_reservation (machine_id, pass_id, starts_at, ends_at, blocked_until, manage_token_hash,
                    ui_language, idempotency_key, idempotency_request_hash, created_at)
                values (:machine, :pass, :starts, :ends, :blocked, :hash, :lang, :key, :requestHash, :now) returning id""")
                .param("machine", machine.id()).param("pass", pass.get().id())
                .param("starts", Timestamp.from(request.start().toInstant())).param("ends", Timestamp.from(request.end().toInstant()))
                .param("blocked", Timestamp.from(request.end().toInstant().plus(Duration.ofMinutes(machine.bufferMinutes()))))
                .param("hash", SecretTokens.hash(token)).param("lang", request.uiLanguage())
                .param("key", request.idempotencyKey()).param("requestHash", request.idempotencyKey() == null ? null : fingerprint(request))
                .param("now", Timestamp.from(now))
                .query(Long.class).single();
        passes.used(pass.get().id(), machine.inductionType(), now);
        Reservation reservation = byId(id).orElseThrow();
        mails.reserved(reservation, pass.get().email(), token);
        events.publishEvent(new MachineReserved(UUID.randomUUID(), machine.labId(), request.start().toLocalDate(), machine.type().name()));
        return new ReservationOutcome.Reserved(reservation, token);
    }

    private Optional<ReservationOutcome> repeated(Request request) {
        return jdbc.sql("select id, idempotency_request_hash, created_at from machine_reservation where idempotency_key = :key")
                .param("key", request.idempotencyKey())
                .query((rs, i) -> {
                    if (!IdempotencyKeys.current(rs.getTimestamp(3).toInstant(), Instant.now(clock))) {
                        return null;
                    }
                    if (!fingerprint(request).equals(rs.getString(2))) {
                        return (ReservationOutcome) new ReservationOutcome.Invalid(Map.of("idempotencyKey", IdempotencyKeys.REUSED));
                    }
                    return (ReservationOutcome) new ReservationOutcome.Repeated(byId(rs.getLong(1)).orElseThrow());
                })
                .optional();
    }

    private static String fingerprint(Request r) {
        return IdempotencyKeys.fingerprint(r.machineId(), MakerPasses.normalise(r.passCode()), r.start().toInstant(), r.end().toInstant());
    }

    /** Time errors as message keys: the order of start and end, the machine's longest use, the future, the opening hours. */
    Map<String, String> timeErrors(Machine machine, ZonedDateTime start, ZonedDateTime end, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (start == null) {
            errors.put("start", "equipment.error.start");
            return errors;
        }
        if (end == null || !end.isAfter(start)) {
            errors.put("end", "equipment.error.end");
            return errors;
        }
        if (Duration.between(start, end).toMinutes() > machine.maxMinutes()) {
            errors.put("end", "equipment.error.tooLong");
        } else if (!start.toInstant().isAfter(now)) {
            errors.put("start", "equipment.error.past");
        } else if (start.toLocalDate().isAfter(LocalDate.now(clock.withZone(BREMEN)).plusDays(properties.reservationDays()))) {
            errors.put("start", "equipment.error.tooFar");
        } else if (!withinOpeningHours(machine.labId(), start.withZoneSameInstant(BREMEN), end.withZoneSameInstant(BREMEN))) {
            errors.put("start", "equipment.error.closed");
        }
        return errors;
    }

    private boolean withinOpeningHours(long labId, ZonedDateTime start, ZonedDateTime end) {
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            return false;
        }
        DaySchedule day = labs.schedule(slug(labId), start.toLocalDate(), 1).get(0);
        return day.periods().stream().anyMatch(p -> !start.toLocalTime().isBefore(p.opens()) && !end.toLocalTime().isAfter(p.closes()));
    }

    private long minutesInWeek(long passId, long machineId, ZonedDateTime start) {
        ZonedDateTime monday = start.withZoneSameInstant(BREMEN).toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay(BREMEN);
        return jdbc.sql("""
                select coalesce(sum(extract(epoch from ends_at - starts_at)) / 60, 0)::bigint from machine_reservation
                where pass_id = :pass and machine_id = :machine and status in ('BOOKED', 'IN_USE', 'DONE')
                  and starts_at >= :from and starts_at < :to""")
                .param("pass", passId).param("machine", machineId)
                .param("from", Timestamp.from(monday.toInstant())).param("to", Timestamp.from(monday.plusWeeks(1).toInstant()))
                .query(Long.class).single();
    }

    /** Free times of a machine within the lab's opening hours, from now on, at least 30 minutes long. */
    List<FreeTime> freeTimes(Machine machine, LocalDate from, LocalDate to) {
        Instant now = Instant.now(clock);
        List<FreeTime> free = new ArrayList<>();
        if (!machine.active()) {
            return free;
        }
        Duration buffer = Duration.ofMinutes(machine.bufferMinutes());
        List<Instant[]> busy = busy(machine.id(), from.atStartOfDay(BREMEN).toInstant(), to.plusDays(1).atStartOfDay(BREMEN).toInstant());
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        for (DaySchedule day : labs.schedule(slug(machine.labId()), from, days)) {
            for (DaySchedule.TimeRange period : day.periods()) {
                ZonedDateTime cursor = day.date().atTime(period.opens()).atZone(BREMEN);
                ZonedDateTime close = day.date().atTime(period.closes()).atZone(BREMEN);
                ZonedDateTime earliest = roundUp(now.atZone(BREMEN));
                if (cursor.isBefore(earliest)) {
                    cursor = earliest;
                }
                for (Instant[] b : busy) {
                    ZonedDateTime busyStart = b[0].atZone(BREMEN);
                    ZonedDateTime busyEnd = b[1].atZone(BREMEN);
                    if (!busyEnd.isAfter(cursor) || !busyStart.isBefore(close)) {
                        continue;
                    }
                    add(free, cursor, busyStart.minus(buffer));
                    cursor = busyEnd.isAfter(cursor) ? busyEnd : cursor;
                }
                add(free, cursor, close);
            }
        }
        return free;
    }

    private static void add(List<FreeTime> free, ZonedDateTime start, ZonedDateTime end) {
        if (Duration.between(start, end).toMinutes() >= 30) {
            free.add(new FreeTime(start, end));
        }
    }

    private static ZonedDateTime roundUp(ZonedDateTime time) {
        ZonedDateTime floor = time.truncatedTo(ChronoUnit.HOURS).plusMinutes((time.getMinute() / 15) * 15L);
        return floor.isBefore(time) ? floor.plus(STEP) : floor;
    }

    /** The three free times of the same length nearest to the wanted start, within the next days. */
    List<FreeTime> alternatives(Machine machine, ZonedDateTime start, ZonedDateTime end) {
        Duration length = Duration.between(start, end);
        LocalDate day = start.withZoneSameInstant(BREMEN).toLocalDate();
        LocalDate today = LocalDate.now(clock.withZone(BREMEN));
        LocalDate from = day.minusDays(3).isBefore(today) ? today : day.minusDays(3);
        List<FreeTime> candidates = new ArrayList<>();
        for (FreeTime gap : freeTimes(machine, from, day.plusDays(7))) {
            // A gap already ends the machine's buffer before the next reservation.
            for (ZonedDateTime s = gap.start(); !s.plus(length).isAfter(gap.end()); s = s.plus(STEP)) {
                candidates.add(new FreeTime(s, s.plus(length)));
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingLong(c -> Math.abs(Duration.between(start, c.start()).toMinutes())))
                .limit(3).sorted(Comparator.comparing(FreeTime::start)).toList();
    }

    private List<Instant[]> busy(long machineId, Instant from, Instant to) {
        return jdbc.sql("""
                select starts_at, blocked_until from machine_reservation
                where machine_id = :machine and status in ('BOOKED', 'IN_USE') and starts_at < :to and blocked_until > :from
                order by starts_at""")
                .param("machine", machineId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()})
                .list();
    }

    String slug(long labId) {
        return lab(labId).slug();
    }

    LabView lab(long labId) {
        return labs.labs(Language.DE).stream().filter(l -> l.id() == labId).findFirst().orElseThrow();
    }

    // --- one reservation ---

    private static final String SELECT = """
            select r.id, r.machine_id, m.name, m.type, m.lab_id, r.starts_at, r.ends_at, r.status, r.ui_language, r.pass_id, p.code
            from machine_reservation r join machine m on m.id = r.machine_id left join maker_pass p on p.id = r.pass_id""";

    Optional<Reservation> byId(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(Reservations::row).optional();
    }

    Optional<Reservation> byToken(String token) {
        return jdbc.sql(SELECT + " where r.manage_token_hash = :hash").param("hash", SecretTokens.hash(token))
                .query(Reservations::row).optional();
    }

    List<Reservation> ofPass(long passId) {
        return jdbc.sql(SELECT + " where r.pass_id = :pass and r.ends_at > :since order by r.starts_at")
                .param("pass", passId).param("since", Timestamp.from(Instant.now(clock).minus(Duration.ofDays(30))))
                .query(Reservations::row).list();
    }

    /** A lab's reservations on one day, for the helpers' list. */
    List<Reservation> atLabOn(long labId, LocalDate day) {
        return jdbc.sql(SELECT + " where m.lab_id = :lab and r.starts_at >= :from and r.starts_at < :to and r.status <> 'CANCELLED' order by r.starts_at, m.name")
                .param("lab", labId).param("from", Timestamp.from(day.atStartOfDay(BREMEN).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(BREMEN).toInstant()))
                .query(Reservations::row).list();
    }

    /** Cancels a reservation that has not begun; false when it was not booked any more. */
    boolean cancel(String token) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<Reservation> r = byToken(token);
            if (r.isEmpty()) {
                return false;
            }
            boolean cancelled = jdbc.sql("update machine_reservation set status = 'CANCELLED' where id = :id and status = 'BOOKED'")
                    .param("id", r.get().id()).update() == 1;
            if (cancelled && r.get().passId() != null) {
                passes.byId(r.get().passId()).ifPresent(p -> mails.cancelled(r.get(), p.email()));
            }
            return cancelled;
        }));
    }

    /** Helper: the person is here and starts using the machine. */
    boolean checkIn(long id) {
        return jdbc.sql("update machine_reservation set status = 'IN_USE', checked_in_at = :now where id = :id and status = 'BOOKED'")
                .param("now", Timestamp.from(Instant.now(clock))).param("id", id).update() == 1;
    }

    /** Helper: the person is done; the machine is free again after its buffer. */
    boolean checkOut(long id) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Instant now = Instant.now(clock);
            Optional<Reservation> r = byId(id);
            Optional<Instant> checkedIn = jdbc.sql("""
                    update machine_reservation r set status = 'DONE', checked_out_at = :now,
                        blocked_until = least(blocked_until, :now + make_interval(mins => m.buffer_minutes))
                    from machine m where m.id = r.machine_id and r.id = :id and r.status = 'IN_USE' returning r.checked_in_at""")
                    .param("now", Timestamp.from(now)).param("id", id).query(Timestamp.class).optional().map(Timestamp::toInstant);
            if (checkedIn.isEmpty() || r.isEmpty()) {
                return false;
            }
            int minutes = (int) Math.max(1, Duration.between(checkedIn.get(), now).toMinutes());
            events.publishEvent(new MachineUseEnded(UUID.randomUUID(), r.get().labId(), LocalDate.now(clock.withZone(BREMEN)),
                    r.get().machineType().name(), minutes));
            return true;
        }));
    }

    /** Helper or job: nobody came; the machine is free at once. */
    boolean noShow(long id) {
        return Boolean.TRUE.equals(transactions.execute(status -> markNoShow(id)));
    }

    private boolean markNoShow(long id) {
        Optional<Reservation> r = byId(id);
        boolean marked = jdbc.sql("update machine_reservation set status = 'NO_SHOW' where id = :id and status = 'BOOKED'")
                .param("id", id).update() == 1;
        if (marked) {
            events.publishEvent(new ReservationMissed(UUID.randomUUID(), r.get().labId(), r.get().start().toLocalDate(),
                    r.get().machineType().name()));
        }
        return marked;
    }

    /** Frees machines of reservations nobody checked in to within the grace time after their start. */
    int freeNoShows(Instant now) {
        List<Long> late = jdbc.sql("select id from machine_reservation where status = 'BOOKED' and starts_at <= :limit for update skip locked")
                .param("limit", Timestamp.from(now.minus(properties.noShowAfter()))).query(Long.class).list();
        int freed = 0;
        for (long id : late) {
            freed += markNoShow(id) ? 1 : 0;
        }
        return freed;
    }

    private static Reservation row(ResultSet rs, int i) throws SQLException {
        long pass = rs.getLong("pass_id");
        boolean noPass = rs.wasNull();
        return new Reservation(rs.getLong(1), rs.getLong(2), rs.getString(3), MachineType.valueOf(rs.getString(4)), rs.getLong(5),
                rs.getTimestamp(6).toInstant().atZone(BREMEN), rs.getTimestamp(7).toInstant().atZone(BREMEN), rs.getString(8),
                rs.getString(9), noPass ? null : pass, rs.getString(11));
    }
}
