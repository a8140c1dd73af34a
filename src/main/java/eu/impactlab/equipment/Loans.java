package eu.impactlab.equipment;

import eu.impactlab.platform.ContactRules;
import eu.impactlab.platform.SecretTokens;
import eu.impactlab.platform.SqlStates;
import eu.impactlab.platform.StaffAction;
import eu.impactlab.platform.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device loans. A check-out locks the device's row, so of two helpers lending one device at once the second sees it
 * lent; the partial unique indexes (one open loan per device, one per borrower) hold even if that lock were missed.
 * A returned device needs the wipe checklist before it is lendable again.
 */
@Component
class Loans {

    static final List<String> CONDITIONS = List.of("NEW", "GOOD", "WORN", "DAMAGED");
    static final List<String> DAMAGES = List.of("NONE", "SCREEN", "CASE", "KEYBOARD", "BATTERY", "CHARGER_MISSING", "LIQUID",
            "WONT_START", "LOST");
    private static final String BORROWER_HAS_LOAN = "equipment.loan.error.borrowerHasLoan";
    private static final String RESERVED_FOR_GROUP = "equipment.loan.error.reservedForGroup";
    static final List<String> WIPE_STEPS = List.of("ACCOUNTS", "RESET", "UPDATES", "ACCESSORIES");

    record Device(long id, long poolId, String poolName, String deviceType, long labId, String assetTag, String accessories,
            String state, String condition, String note) {
        public boolean lendable() {
            return "AVAILABLE".equals(state);
        }
    }

    /** An open or past loan; under a group loan the borrower's name is the organisation's and there is no contact. */
    record Loan(long id, long deviceId, String assetTag, String deviceType, String borrowerName, String borrowerContact,
            LocalDate dueOn, Instant lentAt, Instant returnedAt, int renewals, int maxRenewals, boolean group) {
        public boolean renewable() {
            return returnedAt == null && renewals < maxRenewals && !group;
        }

        /** Phone-only borrowers get no reminder (there is no SMS channel), so the desk tells them to note the date. */
        public boolean remindedByMail() {
            return borrowerContact != null && borrowerContact.contains("@");
        }
    }

    record CheckOut(long deviceId, String name, String contact, boolean agreementAccepted, boolean identitySeen,
            String uiLanguage) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EquipmentProperties properties;
    private final ApplicationEventPublisher events;
    private final GroupLoans groupLoans;

    Loans(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, EquipmentProperties properties,
            ApplicationEventPublisher events, GroupLoans groupLoans) {
        this.groupLoans = groupLoans;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    private static final String DEVICE = """
            select d.id, d.pool_id, p.name as pool_name, p.device_type, p.lab_id, d.asset_tag, d.accessories, d.state,
                d.condition, d.note from device d join device_pool p on p.id = d.pool_id""";

    List<Device> devicesAt(long labId) {
        return jdbc.sql(DEVICE + " where p.lab_id = :lab and d.state <> 'RETIRED' order by p.name, d.asset_tag")
                .param("lab", labId).query(Loans::device).list();
    }

    Optional<Device> device(long id) {
        return jdbc.sql(DEVICE + " where d.id = :id").param("id", id).query(Loans::device).optional();
    }

    Map<String, String> checkOut(CheckOut request) {
        return checkOut(request, null);
    }

    /** Lends a device for a member of staff (audited); the map holds field errors as message keys, empty when lent. */
    Map<String, String> checkOut(CheckOut request, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = request.name() == null ? "" : request.name().strip();
        String contact = request.contact() == null ? "" : request.contact().strip();
        if (name.isEmpty() || name.length() > 80 || !TextRules.singleLine(name)) {
            errors.put("name", "equipment.loan.error.name");
        }
        boolean email = contact.contains("@");
        if (contact.isEmpty() || (email ? !ContactRules.emailAcceptable(contact) : !ContactRules.phoneAcceptable(contact))) {
            errors.put("contact", "equipment.loan.error.contact");
        }
        if (!request.agreementAccepted()) {
            errors.put("agreement", "equipment.loan.error.agreement");
        }
        if (!request.identitySeen()) {
            errors.put("identitySeen", "equipment.loan.error.identity");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        try {
            String problem = transactions.execute(status -> {
                Optional<String> state = jdbc.sql("select state from device where id = :id for update")
                        .param("id", request.deviceId()).query(String.class).optional();
                if (state.isEmpty()) {
                    return "equipment.loan.error.unknownDevice";
                }
                if (!"AVAILABLE".equals(state.get())) {
                    return "equipment.loan.error.state." + state.get();
                }
                Device device = device(request.deviceId()).orElseThrow();
                var rule = jdbc.sql("select loan_days, one_loan_per_borrower from device_pool where id = :id")
                        .param("id", device.poolId()).query((rs, i) -> new Object[] {rs.getInt(1), rs.getBoolean(2)}).single();
                int loanDays = (Integer) rule[0];
                boolean exclusive = (Boolean) rule[1];
                LocalDate today = LocalDate.now(clock.withZone(Reservations.BREMEN));
                if (groupLoans.reservedForGroup(device.id(), today, today.plusDays(loanDays))) {
                    return RESERVED_FOR_GROUP;
                }
                String key = borrowerKey(contact);
                // One borrower at a time: two desks lending to the same person wait here for each other.
                jdbc.sql("select pg_advisory_xact_lock(7, hashtext(:key))").param("key", key).query((rs, i) -> 1).list();
                boolean blocked = jdbc.sql("""
                        select exists (select 1 from device_loan where borrower_key = :key and returned_at is null
                            and (exclusive or :exclusive))""").param("key", key).param("exclusive", exclusive)
                        .query(Boolean.class).single();
                if (blocked) {
                    return BORROWER_HAS_LOAN;
                }
                Instant now = Instant.now(clock);
                jdbc.sql("""
                        insert into device_loan (device_id, lab_id, device_type, borrower_name, borrower_contact, borrower_key,
                            ui_language, agreement_version, lent_at, due_on, exclusive)
                        values (:device, :lab, :type, :name, :contact, :key, :lang, :version, :now, :due, :exclusive)""")
                        .param("device", device.id()).param("lab", device.labId()).param("type", device.deviceType())
                        .param("name", name).param("contact", contact).param("key", key)
                        .param("lang", request.uiLanguage()).param("version", properties.loanAgreementVersion())
                        .param("now", Timestamp.from(now)).param("due", LocalDate.now(clock.withZone(Reservations.BREMEN)).plusDays(loanDays))
                        .param("exclusive", exclusive).update();
                jdbc.sql("update device set state = 'ON_LOAN' where id = :id").param("id", device.id()).update();
                events.publishEvent(new DeviceLent(UUID.randomUUID(), device.labId(), LocalDate.now(clock.withZone(Reservations.BREMEN)),
                        device.deviceType()));
                events.publishEvent(new StaffAction(actor, "DEVICE_LENT", "device", String.valueOf(device.id()),
                        device.labId(), "loan days " + loanDays));
                return null;
            });
            if (BORROWER_HAS_LOAN.equals(problem)) {
                errors.put("contact", problem);
            } else if (problem != null) {
                errors.put("device", problem);
            }
        } catch (DataIntegrityViolationException e) {
            if (!SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                throw e;
            }
            errors.put("contact", BORROWER_HAS_LOAN);
        }
        return errors;
    }

    /** The same person whatever the spelling: e-mail addresses without case, phone numbers by their digits. */
    static String borrowerKey(String contact) {
        String c = contact.strip().toLowerCase(Locale.ROOT);
        return SecretTokens.hash(c.contains("@") ? c : c.replaceAll("[^0-9+]", ""));
    }

    String checkIn(long deviceId, String condition, String damage, String note) {
        return checkIn(deviceId, condition, damage, note, null);
    }

    /** Takes a device back for a member of staff (audited); null when done, else the message key why not. */
    String checkIn(long deviceId, String condition, String damage, String note, String actor) {
        if (!CONDITIONS.contains(condition) || !DAMAGES.contains(damage)) {
            return "equipment.loan.error.condition";
        }
        if (note != null && (note.length() > 200 || !TextRules.singleLine(note))) {
            return "equipment.loan.error.note";
        }
        return transactions.execute(status -> {
            Optional<String> state = jdbc.sql("select state from device where id = :id for update").param("id", deviceId)
                    .query(String.class).optional();
            if (state.isEmpty() || !"ON_LOAN".equals(state.get())) {
                return "equipment.loan.error.notOut";
            }
            // A device back from a group early is free again for others; the group loan keeps it on its list.
            jdbc.sql("""
                    update group_loan_device set released = true where device_id = :id and group_loan_id =
                        (select group_loan_id from device_loan where device_id = :id and returned_at is null)""")
                    .param("id", deviceId).update();
            jdbc.sql("""
                    update device_loan set returned_at = :now, return_condition = :condition, damage = :damage
                    where device_id = :id and returned_at is null""")
                    .param("now", Timestamp.from(Instant.now(clock))).param("condition", condition).param("damage", damage)
                    .param("id", deviceId).update();
            jdbc.sql("update device set state = 'NEEDS_WIPE', condition = :condition, note = :note where id = :id")
                    .param("condition", "NONE".equals(damage) ? condition : "DAMAGED")
                    .param("note", note == null || note.isBlank() ? null : note.strip()).param("id", deviceId).update();
            events.publishEvent(new StaffAction(actor, "DEVICE_RETURNED", "device", String.valueOf(deviceId),
                    device(deviceId).map(Device::labId).orElse(null), "condition " + condition + ", damage " + damage));
            return null;
        });
    }

    /** Completes the wipe checklist; null when done (the device is lendable, or damaged and set aside), else why not. */
    String wipe(long deviceId, Set<String> steps, String actor) {
        if (!steps.containsAll(WIPE_STEPS)) {
            return "equipment.loan.error.wipeIncomplete";
        }
        return transactions.execute(status -> {
            int changed = jdbc.sql("""
                    update device set state = case when condition = 'DAMAGED' then 'DAMAGED' else 'AVAILABLE' end
                    where id = :id and state = 'NEEDS_WIPE'""").param("id", deviceId).update();
            if (changed == 0) {
                return "equipment.loan.error.noWipeNeeded";
            }
            jdbc.sql("insert into device_wipe (device_id, wiped_at, wiped_by) values (:id, :now, :actor)")
                    .param("id", deviceId).param("now", Timestamp.from(Instant.now(clock))).param("actor", actor).update();
            events.publishEvent(new StaffAction(actor, "DEVICE_WIPED", "device", String.valueOf(deviceId),
                    device(deviceId).map(Device::labId).orElse(null), "state " + device(deviceId).map(Device::state).orElse("?")));
            return null;
        });
    }

    /**
     * Gives a borrower more time within the pool's number of renewals: the due day moves by the pool's loan period and the
     * reminders start over for the new day. An overdue loan is not renewed (the device comes back first). Null when
     * renewed, else the message key why not.
     */
    String renew(long deviceId) {
        return renew(deviceId, null);
    }

    /** Renews for a member of staff (audited); null when renewed, else the message key why not. */
    String renew(long deviceId, String actor) {
        return transactions.execute(status -> {
            // The device's lock first, as a group reservation takes it: a renewal and a reservation never both win.
            jdbc.sql("select id from device where id = :id for update").param("id", deviceId).query(Long.class).list();
            Optional<Loan> open = jdbc.sql(LOAN + " where l.device_id = :id and l.returned_at is null for update of l")
                    .param("id", deviceId).query(Loans::loan).optional();
            if (open.isEmpty()) {
                return "equipment.loan.error.notOut";
            }
            Loan loan = open.get();
            if (loan.dueOn().isBefore(LocalDate.now(clock.withZone(Reservations.BREMEN)))) {
                return "equipment.loan.error.renewOverdue";
            }
            if (!loan.renewable()) {
                return "equipment.loan.error.renewalLimit";
            }
            int loanDays = jdbc.sql("select p.loan_days from device d join device_pool p on p.id = d.pool_id where d.id = :id")
                    .param("id", deviceId).query(Integer.class).single();
            if (groupLoans.reservedForGroup(deviceId, loan.dueOn().plusDays(1), loan.dueOn().plusDays(loanDays))) {
                return RESERVED_FOR_GROUP;
            }
            jdbc.sql("""
                    update device_loan set renewals = renewals + 1,
                        due_on = due_on + (select p.loan_days from device d join device_pool p on p.id = d.pool_id where d.id = device_loan.device_id),
                        reminded_before_at = null, reminded_due_at = null, reminded_overdue1_at = null, reminded_overdue7_at = null
                    where id = :id""").param("id", loan.id()).update();
            events.publishEvent(new StaffAction(actor, "DEVICE_RENEWED", "device", String.valueOf(deviceId),
                    device(deviceId).map(Device::labId).orElse(null), "renewal " + (loan.renewals() + 1)));
            return null;
        });
    }

    Optional<Loan> openLoanOf(long deviceId) {
        return jdbc.sql(LOAN + " where l.device_id = :id and l.returned_at is null").param("id", deviceId).query(Loans::loan).optional();
    }

    /** Open loans past their due day at a lab, the longest overdue first. */
    List<Loan> overdue(long labId) {
        return jdbc.sql(LOAN + " where l.lab_id = :lab and l.returned_at is null and l.due_on < :today order by l.due_on, l.id")
                .param("lab", labId).param("today", LocalDate.now(clock.withZone(Reservations.BREMEN))).query(Loans::loan).list();
    }

    List<Loan> open(long labId) {
        return jdbc.sql(LOAN + " where l.lab_id = :lab and l.returned_at is null order by l.due_on, l.id")
                .param("lab", labId).query(Loans::loan).list();
    }

    private static final String LOAN = """
            select l.id, l.device_id, d.asset_tag, l.device_type, coalesce(l.borrower_name, g.organisation_name),
                l.borrower_contact, l.due_on, l.lent_at, l.returned_at, l.renewals, p.max_renewals, l.group_loan_id is not null
            from device_loan l join device d on d.id = l.device_id join device_pool p on p.id = d.pool_id
                left join group_loan g on g.id = l.group_loan_id""";

    private static Device device(ResultSet rs, int i) throws SQLException {
        return new Device(rs.getLong("id"), rs.getLong("pool_id"), rs.getString("pool_name"), rs.getString("device_type"),
                rs.getLong("lab_id"), rs.getString("asset_tag"), rs.getString("accessories"), rs.getString("state"),
                rs.getString("condition"), rs.getString("note"));
    }

    private static Loan loan(ResultSet rs, int i) throws SQLException {
        Timestamp returned = rs.getTimestamp(9);
        return new Loan(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant(), returned == null ? null : returned.toInstant(),
                rs.getInt(10), rs.getInt(11), rs.getBoolean(12));
    }
}
