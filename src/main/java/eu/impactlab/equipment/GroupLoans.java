package eu.impactlab.equipment;

import eu.impactlab.platform.SqlStates;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The equipment module's one service for other modules: devices of a lab's pools lent to an organisation for a period
 * (a group loan), e.g. ten tablets for a school's project week. Reserving locks all devices of the type at the lab, so
 * of two coordinators at once the second sees the first's devices taken; an exclusion constraint holds even if that
 * lock were missed. An individual check-out locks its device and refuses when a group has it reserved.
 */
@Service
public class GroupLoans {

    /** How many devices of a type the lab has at all, and how many of them are free for the whole period. */
    public record Availability(int inLab, int free) {
    }

    /** A device a coordinator may reserve for the period. */
    public record Candidate(long id, String assetTag, String poolName) {
    }

    /** What is reserved for a request: the period, the type and the devices by asset tag. */
    public record Reserved(LocalDate from, LocalDate until, String deviceType, List<String> assetTags, int handedOut,
            int returned) {
        public int count() {
            return assetTags.size();
        }
    }

    /** A group loan cannot be made as asked; the message key tells why, in the user's language. */
    public static class Refused extends RuntimeException {
        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** A group loan at the desk: its devices, each with where it is. */
    record DeskLoan(long id, String organisationName, String deviceType, LocalDate from, LocalDate until,
            List<DeskDevice> devices) {
    }

    record DeskDevice(long id, String assetTag, String state, boolean out, boolean back) {
        public boolean canHandOut() {
            return !out && !back && "AVAILABLE".equals(state);
        }
    }

    /** Free for the period: usable, not reserved by another group then, and not out on a loan due then (or overdue). */
    private static final String FREE = """
            d.state not in ('RETIRED', 'DAMAGED')
            and not exists (select 1 from group_loan_device g where g.device_id = d.id and not g.released
                and daterange(g.from_day, g.until_day, '[]') && daterange(:from, :until, '[]'))
            and not exists (select 1 from device_loan l where l.device_id = d.id and l.returned_at is null
                and (l.due_on >= :from or l.due_on < :today))""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EquipmentProperties properties;
    private final ApplicationEventPublisher events;

    GroupLoans(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, EquipmentProperties properties,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    /** Whether the labs lend devices of this type from their pools (laptops, tablets, hotspots). */
    public static boolean lends(String deviceType) {
        return DevicePools.DEVICE_TYPES.contains(deviceType);
    }

    public Availability availability(long labId, String deviceType, LocalDate from, LocalDate until) {
        int inLab = jdbc.sql("""
                select count(*) from device d join device_pool p on p.id = d.pool_id
                where p.lab_id = :lab and p.device_type = :type and d.state <> 'RETIRED'""")
                .param("lab", labId).param("type", deviceType).query(Integer.class).single();
        return new Availability(inLab, candidates(labId, deviceType, from, until).size());
    }

    public List<Candidate> candidates(long labId, String deviceType, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                select d.id, d.asset_tag, p.name from device d join device_pool p on p.id = d.pool_id
                where p.lab_id = :lab and p.device_type = :type and\s""" + FREE + " order by d.asset_tag")
                .param("lab", labId).param("type", deviceType).param("from", from).param("until", until)
                .param("today", today())
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Reserves devices of a lab for an organisation's request and period: the chosen ones, or with none chosen any
     * {@code anyCount} free ones. Joins the caller's transaction, so a refusal leaves nothing half saved.
     *
     * @throws Refused when a device is not free then, too few are free, or the request already has devices
     */
    public void reserve(long labId, long requestId, String organisationName, String deviceType, LocalDate from,
            LocalDate until, Collection<Long> chosen, int anyCount) {
        if (!lends(deviceType)) {
            throw new Refused("equipment.group.error.type");
        }
        if (until.isBefore(from) || from.isBefore(today())) {
            throw new Refused("equipment.group.error.period");
        }
        if (chosen.isEmpty() && anyCount < 1) {
            throw new Refused("equipment.group.error.none");
        }
        try {
            transactions.executeWithoutResult(status -> {
                // All devices of the type at the lab, in one order: reservations and check-outs queue here, never deadlock.
                jdbc.sql("""
                        select d.id from device d join device_pool p on p.id = d.pool_id
                        where p.lab_id = :lab and p.device_type = :type order by d.id for update of d""")
                        .param("lab", labId).param("type", deviceType).query(Long.class).list();
                if (jdbc.sql("select exists (select 1 from group_loan where request_id = :r and released_at is null)")
                        .param("r", requestId).query(Boolean.class).single()) {
                    throw new Refused("equipment.group.error.already");
                }
                List<Long> free = candidates(labId, deviceType, from, until).stream().map(Candidate::id).toList();
                List<Long> devices;
                if (chosen.isEmpty()) {
                    if (free.size() < anyCount) {
                        throw new Refused("equipment.group.error.tooFew");
                    }
                    devices = free.subList(0, anyCount);
                } else {
                    if (!free.containsAll(chosen)) {
                        throw new Refused("equipment.group.error.taken");
                    }
                    devices = List.copyOf(Set.copyOf(chosen));
                }
                long loan = jdbc.sql("""
                        insert into group_loan (lab_id, request_id, organisation_name, device_type, from_day, until_day, reserved_at)
                        values (:lab, :r, :org, :type, :from, :until, :now) returning id""")
                        .param("lab", labId).param("r", requestId).param("org", organisationName).param("type", deviceType)
                        .param("from", from).param("until", until).param("now", Timestamp.from(Instant.now(clock)))
                        .query(Long.class).single();
                for (long device : devices) {
                    jdbc.sql("""
                            insert into group_loan_device (group_loan_id, device_id, from_day, until_day)
                            values (:loan, :device, :from, :until)""")
                            .param("loan", loan).param("device", device).param("from", from).param("until", until).update();
                }
            });
        } catch (DataIntegrityViolationException e) {
            if (SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e)) || "23P01".equals(SqlStates.of(e))) {
                throw new Refused("equipment.group.error.taken");
            }
            throw e;
        }
    }

    /** Gives the request's reserved devices back to the pools; devices already handed out stay out until returned. */
    public void release(long requestId) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    update group_loan_device set released = true where group_loan_id in
                        (select id from group_loan where request_id = :r and released_at is null)""")
                    .param("r", requestId).update();
            jdbc.sql("update group_loan set released_at = :now where request_id = :r and released_at is null")
                    .param("r", requestId).param("now", Timestamp.from(Instant.now(clock))).update();
        });
    }

    public Optional<Reserved> forRequest(long requestId) {
        return jdbc.sql("""
                select g.id, g.from_day, g.until_day, g.device_type from group_loan g
                where g.request_id = :r and g.released_at is null""").param("r", requestId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                        rs.getString(4)})
                .optional().map(g -> {
                    long id = (Long) g[0];
                    List<String> tags = jdbc.sql("""
                            select d.asset_tag from group_loan_device gd join device d on d.id = gd.device_id
                            where gd.group_loan_id = :id order by d.asset_tag""").param("id", id).query(String.class).list();
                    int[] counts = jdbc.sql("""
                            select count(distinct device_id), count(distinct device_id) filter (where returned_at is not null
                                and not exists (select 1 from device_loan o where o.group_loan_id = :id
                                    and o.device_id = device_loan.device_id and o.returned_at is null))
                            from device_loan where group_loan_id = :id""").param("id", id)
                            .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
                    return new Reserved((LocalDate) g[1], (LocalDate) g[2], (String) g[3], tags, counts[0], counts[1]);
                });
    }

    /** Devices lent for a request: those handed out at the desk, or before the hand-out the reserved ones. */
    public int devicesLent(long requestId) {
        int handedOut = jdbc.sql("""
                select count(distinct l.device_id) from device_loan l join group_loan g on g.id = l.group_loan_id
                where g.request_id = :r""").param("r", requestId).query(Integer.class).single();
        return handedOut > 0 ? handedOut : forRequest(requestId).map(Reserved::count).orElse(0);
    }

    // --- the desk ---

    /** The lab's live group loans that still have a device to hand out or to take back, the earliest first. */
    List<DeskLoan> atDesk(long labId) {
        List<Object[]> loans = jdbc.sql("""
                select g.id, g.organisation_name, g.device_type, g.from_day, g.until_day from group_loan g
                where g.lab_id = :lab and (g.released_at is null or exists
                    (select 1 from device_loan l where l.group_loan_id = g.id and l.returned_at is null))
                order by g.from_day, g.id""").param("lab", labId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate()})
                .list();
        List<DeskLoan> result = new ArrayList<>();
        for (Object[] g : loans) {
            List<DeskDevice> devices = jdbc.sql("""
                    select d.id, d.asset_tag, d.state,
                        exists (select 1 from device_loan l where l.group_loan_id = :g and l.device_id = d.id and l.returned_at is null),
                        exists (select 1 from device_loan l where l.group_loan_id = :g and l.device_id = d.id and l.returned_at is not null)
                    from group_loan_device gd join device d on d.id = gd.device_id
                    where gd.group_loan_id = :g order by d.asset_tag""").param("g", g[0])
                    .query((rs, i) -> new DeskDevice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getBoolean(5)))
                    .list();
            LocalDate until = (LocalDate) g[4];
            boolean pending = devices.stream().anyMatch(d -> d.out() || (!d.back() && !until.isBefore(today())));
            if (pending) {
                result.add(new DeskLoan((Long) g[0], (String) g[1], (String) g[2], (LocalDate) g[3], (LocalDate) g[4], devices));
            }
        }
        return result;
    }

    /**
     * Hands out the group loan's reserved, wiped devices at the desk (from the first day on): each becomes a loan to
     * the organisation, due on the last day. Returns the message key why not, or null when handed out.
     */
    String handOut(long labId, long groupLoanId, boolean agreementAccepted) {
        if (!agreementAccepted) {
            return "equipment.loan.error.agreement";
        }
        return transactions.execute(status -> {
            Optional<Object[]> loan = jdbc.sql("""
                    select from_day, until_day, device_type from group_loan
                    where id = :id and lab_id = :lab and released_at is null""")
                    .param("id", groupLoanId).param("lab", labId)
                    .query((rs, i) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(), rs.getString(3)})
                    .optional();
            if (loan.isEmpty()) {
                return "equipment.group.error.unknown";
            }
            LocalDate from = (LocalDate) loan.get()[0];
            LocalDate until = (LocalDate) loan.get()[1];
            if (today().isBefore(from)) {
                return "equipment.group.error.tooEarly";
            }
            if (today().isAfter(until)) {
                return "equipment.group.error.tooLate";
            }
            List<Long> ready = jdbc.sql("""
                    select d.id from group_loan_device gd join device d on d.id = gd.device_id
                    where gd.group_loan_id = :g and not gd.released and d.state = 'AVAILABLE'
                      and not exists (select 1 from device_loan l where l.group_loan_id = :g and l.device_id = d.id)
                    order by d.id for update of d""").param("g", groupLoanId).query(Long.class).list();
            if (ready.isEmpty()) {
                return "equipment.group.error.nothingReady";
            }
            Instant now = Instant.now(clock);
            for (long device : ready) {
                jdbc.sql("""
                        insert into device_loan (device_id, lab_id, device_type, ui_language, agreement_version, lent_at, due_on,
                            exclusive, group_loan_id)
                        values (:device, :lab, :type, 'de', :version, :now, :due, false, :g)""")
                        .param("device", device).param("lab", labId).param("type", loan.get()[2])
                        .param("version", properties.loanAgreementVersion()).param("now", Timestamp.from(now))
                        .param("due", until).param("g", groupLoanId).update();
                jdbc.sql("update device set state = 'ON_LOAN' where id = :id").param("id", device).update();
                events.publishEvent(new DeviceLent(UUID.randomUUID(), labId, today(), (String) loan.get()[2]));
            }
            return null;
        });
    }

    /** Whether a group has this device reserved for any day of the given period (individual check-outs and renewals). */
    boolean reservedForGroup(long deviceId, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                select exists (select 1 from group_loan_device where device_id = :id and not released
                    and daterange(from_day, until_day, '[]') && daterange(:from, :until, '[]'))""")
                .param("id", deviceId).param("from", from).param("until", until).query(Boolean.class).single();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Reservations.BREMEN));
    }
}
