package eu.impactlab.partners;

import eu.impactlab.labs.LabAccess;
import eu.impactlab.platform.StaffAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The neighbourhood directory: an organisation's entry, edited by its partners and published only after a
 * coordinator of its lab reviewed it; public only while published and confirmed by the organisation within a year.
 * Every step is checked here and again by the database trigger.
 */
@Service
class DirectoryService {

    static final int PAGE_SIZE = 10;
    /** An entry not confirmed for this long is hidden until the organisation confirms it. */
    static final int CONFIRM_MONTHS = 12;

    record Filter(String stadtteil, String kind, String offer, String language) {
        public boolean any() {
            return stadtteil != null || kind != null || offer != null || language != null;
        }
    }

    private static final String SELECT = """
            select e.*, o.name as org_name, o.kind as org_kind, o.stadtteil as org_stadtteil, o.lab_id as org_lab
            from partner_directory_entry e join partner_organisation o on o.id = e.organisation_id""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PartnerMails mails;
    private final ApplicationEventPublisher events;

    DirectoryService(JdbcClient jdbc, Clock clock, PartnerMails mails, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mails = mails;
        this.events = events;
    }

    // --- public ---

    @Transactional(readOnly = true)
    List<Directory.Entry> published(Filter filter, int page) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = publicWhere(filter, params);
        var spec = jdbc.sql(SELECT + where + " order by lower(o.name), e.id limit :limit offset :offset")
                .param("limit", PAGE_SIZE).param("offset", page * PAGE_SIZE);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(DirectoryService::entry).list();
    }

    @Transactional(readOnly = true)
    long countPublished(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = publicWhere(filter, params);
        var spec = jdbc.sql("select count(*) from partner_directory_entry e join partner_organisation o on o.id = e.organisation_id" + where);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(Long.class).single();
    }

    /** How many public entries each Stadtteil has, for the map. */
    @Transactional(readOnly = true)
    Map<String, Long> countsByStadtteil() {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = publicWhere(new Filter(null, null, null, null), params);
        Map<String, Long> counts = new LinkedHashMap<>();
        var spec = jdbc.sql("select o.stadtteil, count(*) from partner_directory_entry e join partner_organisation o "
                + "on o.id = e.organisation_id" + where + " group by o.stadtteil");
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        spec.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** One public entry; an entry that is not published (or no longer confirmed) is not found. */
    @Transactional(readOnly = true)
    Optional<Directory.Entry> publishedEntry(long id) {
        return jdbc.sql(SELECT + " where e.id = :id and e.state = 'PUBLISHED' and e.confirmed_at > :cutoff")
                .param("id", id).param("cutoff", Timestamp.from(cutoff(Instant.now(clock))))
                .query(DirectoryService::entry).optional();
    }

    /** "Report this entry": goes to the coordinators of the organisation's lab. */
    @Transactional
    void report(long id, Directory.ReportReason reason, String body) {
        Directory.Entry entry = publishedEntry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        jdbc.sql("insert into partner_directory_report (entry_id, reason, body, created_at) values (?, ?, ?, ?)")
                .params(id, reason.name(), body == null || body.isBlank() ? null : body.strip(),
                        Timestamp.from(Instant.now(clock))).update();
        mails.directoryToCoordinators(entry.labId(), "partners.mail.staff.directoryReport", entry.name());
    }

    private String publicWhere(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where e.state = 'PUBLISHED' and e.confirmed_at > :cutoff");
        params.put("cutoff", Timestamp.from(cutoff(Instant.now(clock))));
        if (filter.stadtteil() != null) {
            where.append(" and o.stadtteil = :stadtteil");
            params.put("stadtteil", filter.stadtteil());
        }
        if (filter.kind() != null) {
            where.append(" and o.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.offer() != null) {
            where.append(" and (',' || e.offers || ',') like :offer");
            params.put("offer", "%," + filter.offer() + ",%");
        }
        if (filter.language() != null) {
            where.append(" and (',' || e.languages || ',') like :language");
            params.put("language", "%," + filter.language() + ",%");
        }
        return where.toString();
    }

    static Instant cutoff(Instant now) {
        return now.atZone(PartnerStore.BREMEN).minusMonths(CONFIRM_MONTHS).toInstant();
    }

    // --- the partner's side ---

    @Transactional(readOnly = true)
    Optional<Directory.Entry> entryOf(PartnerService.Membership me) {
        return jdbc.sql(SELECT + " where e.organisation_id = ?").param(me.organisationId()).query(DirectoryService::entry).optional();
    }

    /**
     * Saves the organisation's entry and submits it for review (a published entry goes offline until reviewed again).
     * {@code id} is the entry the form was about, null for a new one; another organisation's entry is forbidden.
     */
    @Transactional
    long submit(PartnerService.Membership me, Long id, Directory.Input input) {
        Instant now = Instant.now(clock);
        Directory.Entry entry;
        if (id == null) {
            if (entryOf(me).isPresent()) {
                throw new PartnerException("partners.error.changedMeanwhile");
            }
            long created = jdbc.sql("insert into partner_directory_entry (organisation_id, confirmed_at, updated_at) values (?, ?, ?) returning id")
                    .params(me.organisationId(), Timestamp.from(now), Timestamp.from(now)).query(Long.class).single();
            entry = locked(created);
        } else {
            entry = locked(id);
            if (entry.organisationId() != me.organisationId()) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
        }
        boolean samePerson = input.contactPerson() != null && input.contactPerson().equals(entry.contactPerson());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("description", input.description());
        values.put("hours", input.openingHours());
        values.put("offers", String.join(",", input.offers()));
        values.put("languages", String.join(",", input.languages()));
        values.put("access", String.join(",", input.accessibility()));
        values.put("website", input.website());
        values.put("email", input.contactEmail());
        values.put("person", input.contactPerson());
        // The consent is the person's own: recorded when a person is named, kept while the same person stays named.
        values.put("consentAt", input.contactPerson() == null ? null
                : Timestamp.from(samePerson && entry.consentAt() != null ? entry.consentAt() : now));
        values.put("consentVersion", input.contactPerson() == null ? null
                : samePerson && entry.consentVersion() != null ? entry.consentVersion() : Directory.CONSENT_VERSION);
        values.put("recordedBy", input.contactPerson() == null ? null : me.accountId());
        values.put("now", Timestamp.from(now));
        values.put("id", entry.id());
        var spec = jdbc.sql("""
                update partner_directory_entry set description = :description, opening_hours = :hours, offers = :offers,
                    languages = :languages, accessibility = :access, website = :website, contact_email = :email,
                    contact_person = :person, contact_consent_at = :consentAt, contact_consent_version = :consentVersion,
                    contact_consent_recorded_by = :recordedBy, updated_at = :now, confirmed_at = :now,
                    confirm_reminded_at = null, confirm_asked_at = null, version = version + 1 where id = :id""");
        for (var v : values.entrySet()) {
            spec = spec.param(v.getKey(), v.getValue());
        }
        spec.update();
        if (entry.state() != Directory.State.PENDING_REVIEW) {
            move(entry, Directory.State.PENDING_REVIEW, me.username(), null);
            mails.directoryToCoordinators(entry.labId(), "partners.mail.staff.directoryPending", entry.name());
        }
        return entry.id();
    }

    /** "Still correct": the organisation confirms its entry for another year. */
    @Transactional
    void confirm(PartnerService.Membership me, long id) {
        Directory.Entry entry = locked(id);
        if (entry.organisationId() != me.organisationId()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        jdbc.sql("""
                update partner_directory_entry set confirmed_at = ?, confirm_reminded_at = null, confirm_asked_at = null,
                    version = version + 1 where id = ?""").params(Timestamp.from(Instant.now(clock)), id).update();
        audit(me.username(), "DIRECTORY_CONFIRMED", entry, null);
    }

    boolean hidden(Directory.Entry entry) {
        return !entry.confirmedAt().isAfter(cutoff(Instant.now(clock)));
    }

    // --- the coordinators' side ---

    /** The entries of a lab's organisations, those waiting for review first. */
    @Transactional(readOnly = true)
    List<Directory.Entry> ofLab(Authentication who, long labId) {
        requireLab(who, labId);
        return jdbc.sql(SELECT + " " + """
                 where o.lab_id = ? order by case e.state when 'PENDING_REVIEW' then 0 when 'PUBLISHED' then 1
                 when 'REJECTED' then 2 else 3 end, e.updated_at, e.id""").param(labId).query(DirectoryService::entry).list();
    }

    @Transactional(readOnly = true)
    List<Directory.Report> openReports(Authentication who, long labId) {
        requireLab(who, labId);
        return jdbc.sql("""
                select r.*, o.name as org_name from partner_directory_report r join partner_directory_entry e on e.id = r.entry_id
                join partner_organisation o on o.id = e.organisation_id where o.lab_id = ? and r.handled_at is null
                order by r.created_at, r.id""").param(labId)
                .query((rs, n) -> new Directory.Report(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("org_name"),
                        rs.getString("reason"), rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional
    void publish(Authentication who, long id) {
        Directory.Entry entry = lockedForStaff(who, id);
        move(entry, Directory.State.PUBLISHED, who.getName(), null);
        jdbc.sql("update partner_directory_entry set reject_reason = null where id = ?").param(id).update();
        mails.toOrganisation(entry.organisationId(), "partners.mail.directory.published");
    }

    @Transactional
    void reject(Authentication who, long id, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 500 || !eu.impactlab.platform.TextRules.multiLine(text)) {
            throw new PartnerException("partners.error.rejectReason");
        }
        Directory.Entry entry = lockedForStaff(who, id);
        requireStep(entry, Directory.State.REJECTED);
        jdbc.sql("update partner_directory_entry set reject_reason = ? where id = ?").params(text, id).update();
        move(entry, Directory.State.REJECTED, who.getName(), null);
        mails.toOrganisation(entry.organisationId(), "partners.mail.directory.rejected");
    }

    /** Takes a published entry offline at once; it is gone from the next request on. */
    @Transactional
    void unpublish(Authentication who, long id) {
        Directory.Entry entry = lockedForStaff(who, id);
        if (entry.state() != Directory.State.PUBLISHED) {
            throw new PartnerException("partners.error.notAllowed");
        }
        move(entry, Directory.State.DRAFT, who.getName(), null);
        mails.toOrganisation(entry.organisationId(), "partners.mail.directory.unpublished");
    }

    @Transactional
    void reportHandled(Authentication who, long reportId) {
        Long labId = jdbc.sql("""
                select o.lab_id from partner_directory_report r join partner_directory_entry e on e.id = r.entry_id
                join partner_organisation o on o.id = e.organisation_id where r.id = ?""").param(reportId)
                .query(Long.class).optional().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        requireLab(who, labId);
        jdbc.sql("update partner_directory_report set handled_at = ? where id = ? and handled_at is null")
                .params(Timestamp.from(Instant.now(clock)), reportId).update();
        events.publishEvent(new StaffAction(who.getName(), "DIRECTORY_REPORT_HANDLED", "partner-directory-report",
                String.valueOf(reportId), labId, null));
    }

    // --- rules ---

    private void move(Directory.Entry entry, Directory.State to, String actor, String details) {
        requireStep(entry, to);
        int moved = jdbc.sql("update partner_directory_entry set state = ?, updated_at = ?, version = version + 1 where id = ? and state = ?")
                .params(to.name(), Timestamp.from(Instant.now(clock)), entry.id(), entry.state().name()).update();
        if (moved != 1) {
            throw new PartnerException("partners.error.changedMeanwhile");
        }
        audit(actor, "DIRECTORY_" + to.name(), entry, entry.state() + " → " + to);
    }

    private static void requireStep(Directory.Entry entry, Directory.State to) {
        if (!entry.state().canGoTo(to)) {
            throw new PartnerException("partners.error.notAllowed");
        }
    }

    private void audit(String actor, String action, Directory.Entry entry, String details) {
        events.publishEvent(new StaffAction(actor, action, "partner-directory", String.valueOf(entry.id()), entry.labId(), details));
    }

    private Directory.Entry locked(long id) {
        jdbc.sql("select id from partner_directory_entry where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(DirectoryService::entry).single();
    }

    private Directory.Entry lockedForStaff(Authentication who, long id) {
        Directory.Entry entry = locked(id);
        requireLab(who, entry.labId());
        return entry;
    }

    private static void requireLab(Authentication who, long labId) {
        if (!LabAccess.canManage(who, labId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static Directory.Entry entry(ResultSet rs, int n) throws SQLException {
        Timestamp consent = rs.getTimestamp("contact_consent_at");
        return new Directory.Entry(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("org_name"),
                rs.getString("org_kind"), rs.getString("org_stadtteil"), rs.getLong("org_lab"),
                Directory.State.valueOf(rs.getString("state")), rs.getString("description"), rs.getString("opening_hours"),
                Choices.split(rs.getString("offers")), Choices.split(rs.getString("languages")),
                Choices.split(rs.getString("accessibility")), rs.getString("website"), rs.getString("contact_email"),
                rs.getString("contact_person"), consent == null ? null : consent.toInstant(),
                rs.getString("contact_consent_version"), rs.getString("reject_reason"),
                rs.getTimestamp("confirmed_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
