package eu.impactlab.equipment;

import static eu.impactlab.platform.PersonalData.Kind.CONTACT;
import static eu.impactlab.platform.PersonalData.Kind.NAME;
import static eu.impactlab.platform.PersonalData.Kind.STAFF_ID;
import static eu.impactlab.platform.PersonalData.Kind.TOKEN;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Column;
import eu.impactlab.platform.PersonalData.Deletion;
import eu.impactlab.platform.PersonalData.Found;
import eu.impactlab.platform.PersonalData.LegalBasis;
import eu.impactlab.platform.PersonalData.NotPersonal;
import eu.impactlab.platform.PersonalData.Query;
import eu.impactlab.platform.PersonalData.Use;
import eu.impactlab.platform.SecretTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The equipment module's personal data: maker passes (optional nickname and e-mail), the private links of passes and
 * reservations, borrowers of devices; and one person's passes, reservations and loans.
 */
@Component
class EquipmentPersonalData implements PersonalData.Declaration, PersonalData.Holder {

    static final String PASS = "maker-pass";
    static final String RESERVATION = "machine-reservation";
    static final String LOAN = "device-loan";
    private static final String PASS_FORM = "maker-pass";
    private static final String LOAN_FORM = "device-loan";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JdbcClient jdbc;
    private final EquipmentProperties properties;
    private final Clock clock;

    EquipmentPersonalData(JdbcClient jdbc, EquipmentProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<Use> uses() {
        return List.of(
                new Use("equipment.pass", Set.of(PASS_FORM), LegalBasis.CONSENT, Set.of("mail"),
                        Deletion.AFTER_RETENTION, EquipmentJobs.RETENTION, properties.passRetention().toDays(), List.of(
                                new Column("maker_pass", "nickname", NAME),
                                new Column("maker_pass", "email", CONTACT),
                                new Column("maker_pass", "token_hash", TOKEN))),
                new Use("equipment.reservation", Set.of(PASS_FORM), LegalBasis.PUBLIC_TASK, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("machine_reservation", "manage_token_hash", TOKEN))),
                new Use("equipment.loan", Set.of(LOAN_FORM), LegalBasis.CONTRACT, Set.of("mail"),
                        Deletion.AFTER_RETENTION, EquipmentJobs.RETENTION, properties.borrowerRetention().toDays(), List.of(
                                new Column("device_loan", "borrower_name", NAME),
                                new Column("device_loan", "borrower_contact", CONTACT),
                                new Column("device_loan", "borrower_key", TOKEN))),
                new Use("equipment.staff", Set.of(), LegalBasis.LEGAL_OBLIGATION, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("device_wipe", "wiped_by", STAFF_ID),
                                new Column("device_wipe", "wiped_by_id", STAFF_ID))));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("machine", "name", "a machine's name"),
                new NotPersonal("machine_text", "name", "a machine's name in one language"),
                new NotPersonal("machine_text", "description", "what a machine does, written by a coordinator"),
                new NotPersonal("machine_photo", "data", "a photo of a machine; the upload form says: the machine only, no people"),
                new NotPersonal("device_pool", "name", "a device pool's name"),
                new NotPersonal("group_loan", "organisation_name",
                        "the organisation that borrows a set of devices (a school, a club), never a person"),
                new NotPersonal("device", "note", "a short note about the device; the form says: never about a person"),
                new NotPersonal("kiosk", "name", "a door tablet's name"),
                new NotPersonal("kiosk", "token_hash", "the hash of a door tablet's secret, not a person's; cleared on switch-off"),
                new NotPersonal("kiosk", "pairing_code_hash", "the hash of a tablet's one-time pairing code; cleared on switch-off"),
                new NotPersonal("machine_reservation", "idempotency_key", "a random key of the form or API client"),
                new NotPersonal("machine_reservation", "idempotency_request_hash", "a hash of the request, for the key"));
    }

    @Override
    public List<Found> find(Query query) {
        String email = query.email();
        String digits = PersonalData.phoneDigits(query.phone());
        var found = new ArrayList<Found>();
        found.addAll(jdbc.sql(PASSES + """
                 where cast(:email as text) is not null and lower(p.email) = lower(:email)
                and (cast(:all as boolean) or p.lab_id in (:labs))
                order by p.created_at""")
                .param("email", email).param("all", query.labIds() == null).param("labs", PersonalData.labList(query))
                .query(this::pass).list());
        found.addAll(jdbc.sql(LOANS + """
                 where l.personal_data_deleted_at is null
                and ((cast(:email as text) is not null and lower(l.borrower_contact) = lower(:email))
                  or (cast(:digits as text) is not null and position('@' in l.borrower_contact) = 0
                      and regexp_replace(l.borrower_contact, '\\D', '', 'g') = :digits))
                and (cast(:all as boolean) or l.lab_id in (:labs))
                order by l.lent_at""")
                .param("email", email).param("digits", digits).param("all", query.labIds() == null)
                .param("labs", PersonalData.labList(query))
                .query(this::loan).list());
        return found;
    }

    /** A pass link shows the pass; a reservation link the reservation and the pass it was made with. */
    @Override
    public List<Found> byLink(String token) {
        String hash = SecretTokens.hash(token);
        List<Found> passes = jdbc.sql(PASSES + " where p.token_hash = :hash").param("hash", hash).query(this::pass).list();
        if (!passes.isEmpty()) {
            return passes;
        }
        var found = new ArrayList<Found>();
        jdbc.sql("""
                select r.id, r.pass_id, m.lab_id, m.name, r.starts_at from machine_reservation r join machine m on m.id = r.machine_id
                where r.manage_token_hash = :hash""").param("hash", hash)
                .query((rs, i) -> {
                    found.add(new Found(RESERVATION, PASS_FORM, Long.toString(rs.getLong("id")), rs.getLong("lab_id"),
                            rs.getString("name") + " · " + rs.getTimestamp("starts_at").toInstant().atZone(Reservations.BREMEN).format(WHEN),
                            Map.of(), List.of("privacy.kept.machineReservation")));
                    return rs.getLong("pass_id");
                }).optional().filter(passId -> passId > 0).ifPresent(passId -> found.addAll(
                        jdbc.sql(PASSES + " where p.id = :id").param("id", passId).query(this::pass).list()));
        return found;
    }

    /**
     * A pass loses its nickname and e-mail (the card keeps working); a returned loan its borrower; an open loan keeps
     * its borrower until the device is back, and a reservation holds nothing personal of its own.
     */
    @Override
    public boolean erase(String kind, String ref, String actor) {
        long id;
        try {
            id = Long.parseLong(ref);
        } catch (NumberFormatException e) {
            return false;
        }
        if (PASS.equals(kind)) {
            return jdbc.sql("""
                    update maker_pass set nickname = null, email = null
                    where id = :id and (nickname is not null or email is not null)""").param("id", id).update() > 0;
        }
        if (LOAN.equals(kind)) {
            return jdbc.sql("""
                    update device_loan set borrower_name = null, borrower_contact = null, borrower_key = null,
                        personal_data_deleted_at = :now
                    where id = :id and returned_at is not null and personal_data_deleted_at is null""")
                    .param("id", id).param("now", Timestamp.from(clock.instant())).update() > 0;
        }
        return false;
    }

    private static final String PASSES = "select p.id, p.code, p.lab_id, p.nickname, p.email from maker_pass p";

    private static final String LOANS = """
            select l.id, l.lab_id, d.asset_tag, l.lent_at, l.returned_at, l.borrower_name, l.borrower_contact
            from device_loan l join device d on d.id = l.device_id""";

    private Found pass(ResultSet rs, int i) throws SQLException {
        var fields = new LinkedHashMap<String, String>();
        // the nickname is the only name a pass has, so it is shown (and deleted) as the name
        putIfPresent(fields, "name", rs.getString("nickname"));
        putIfPresent(fields, "email", rs.getString("email"));
        return new Found(PASS, PASS_FORM, Long.toString(rs.getLong("id")), rs.getLong("lab_id"), rs.getString("code"),
                fields, List.of("privacy.kept.makerPass"));
    }

    private Found loan(ResultSet rs, int i) throws SQLException {
        var fields = new LinkedHashMap<String, String>();
        putIfPresent(fields, "name", rs.getString("borrower_name"));
        String contact = rs.getString("borrower_contact");
        putIfPresent(fields, contact != null && contact.contains("@") ? "email" : "phone", contact);
        boolean open = rs.getTimestamp("returned_at") == null;
        String lent = rs.getTimestamp("lent_at").toInstant().atZone(Reservations.BREMEN).format(DAY);
        return new Found(LOAN, LOAN_FORM, Long.toString(rs.getLong("id")), rs.getLong("lab_id"), rs.getString("asset_tag") + " · " + lent,
                fields, List.of(open ? "privacy.kept.deviceLoanOpen" : "privacy.kept.deviceLoan"));
    }

    private static void putIfPresent(Map<String, String> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(key, value);
        }
    }
}
