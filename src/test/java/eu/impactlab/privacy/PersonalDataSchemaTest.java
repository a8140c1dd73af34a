package eu.impactlab.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Column;
import eu.impactlab.platform.PersonalData.Deletion;
import eu.impactlab.platform.PersonalData.Use;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing personal enters the schema undeclared, and every declared deletion really deletes: reads the database's
 * columns, and runs each deletion job with the clock set forward.
 */
class PersonalDataSchemaTest extends AbstractIntegrationTest {

    /** Column names that suggest names, contacts, free text, tokens, addresses, birth data or online identifiers. */
    private static final Pattern SOUNDS_PERSONAL = Pattern.compile(
            "name|mail|phone|contact|address|street|token|hash|(^|_)ip(_|$)|birth|note|comment|message|body|text|"
                    + "recipient|actor|_by$|user|url|subject|description|summary|title|remark|answer|idempotency|age_band|"
                    + "gender|stadtteil|data|filename|error|serialized|room|desk|request_key|call_key|details");

    @Autowired
    PrivacyService privacy;
    @Autowired
    List<PersonalData.DeletionJob> jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    private Map<String, String> columnTypes() {
        return jdbc.sql("""
                select table_name || '.' || column_name, data_type from information_schema.columns
                where table_schema = 'public' and table_name not like 'flyway%'""")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String name(Column c) {
        return c.table() + "." + c.column();
    }

    @Test
    void everyColumnThatCanHoldPersonalDataIsDeclared() {
        Map<String, String> columns = columnTypes();
        Set<String> declared = new HashSet<>();
        privacy.uses().forEach(u -> u.columns().forEach(c -> declared.add(name(c))));
        privacy.notPersonal().forEach(n -> declared.add(n.table() + "." + n.column()));

        Set<String> undeclared = new TreeSet<>();
        columns.forEach((column, type) -> {
            boolean textual = type.contains("char") || type.equals("text") || type.equals("bytea") || type.contains("json")
                    || type.equals("inet") || type.equals("ARRAY");
            if (textual && SOUNDS_PERSONAL.matcher(column.substring(column.indexOf('.') + 1)).find()
                    && !declared.contains(column)) {
                undeclared.add(column);
            }
        });
        assertThat(undeclared).as("declare these in the module's PersonalData.Declaration (see docs/privacy.md)").isEmpty();
        assertThat(declared).as("declared columns exist").allMatch(columns::containsKey);
    }

    @Test
    void everyUseHasItsTextsAndEveryTimedDeletionItsJob() {
        Set<String> jobNames = jobs.stream().map(PersonalData.DeletionJob::name).collect(Collectors.toSet());
        assertThat(privacy.uses()).isNotEmpty().allSatisfy(u -> {
            if (u.deletion() == Deletion.AFTER_RETENTION) {
                assertThat(jobNames).as(u.key()).contains(u.deletionJob());
                assertThat(u.retentionDays()).as(u.key()).isPositive();
            }
        });
        assertThat(privacy.uses().stream().map(Use::module).collect(Collectors.toSet()))
                .contains("consultations", "courses", "notifications", "accounts", "privacy");
    }

    /**
     * With one fresh record per table and the clock a year past every retention period, each job empties each column
     * it is declared for, and records its run; the transaction is rolled back, so the shared demo data stays.
     */
    @Test
    void eachDeletionJobEmptiesItsColumnsWhenDue() {
        Map<String, PersonalData.DeletionJob> byName = jobs.stream()
                .collect(Collectors.toMap(PersonalData.DeletionJob::name, Function.identity()));
        List<Use> timed = privacy.uses().stream().filter(u -> u.deletion() == Deletion.AFTER_RETENTION).toList();
        long longest = timed.stream().mapToLong(Use::retentionDays).max().orElse(0);
        Instant forward = clock.instant().plus(Duration.ofDays(longest + 365));

        transactions.executeWithoutResult(tx -> {
            sampleRecords();
            for (Use use : timed) {
                for (Column c : use.columns()) {
                    assertThat(nonNull(c)).as("a sample value in " + name(c) + " (add one in sampleRecords)").isPositive();
                }
            }
            long runsBefore = jdbc.sql("select count(*) from privacy_deletion_run").query(Long.class).single();
            timed.stream().map(Use::deletionJob).distinct().forEach(job ->
                    assertThat(byName.get(job).deleteDue(forward)).as(job).isPositive());
            for (Use use : timed) {
                for (Column c : use.columns()) {
                    assertThat(nonNull(c)).as(name(c) + " after " + use.deletionJob()).isZero();
                }
            }
            assertThat(jdbc.sql("select count(*) from privacy_deletion_run").query(Long.class).single())
                    .as("each run recorded with its count").isEqualTo(runsBefore + timed.stream().map(Use::deletionJob).distinct().count());
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from appointment where code = 'SC-HM9'").query(Long.class).single())
                .as("rolled back").isZero();
    }

    private long nonNull(Column c) {
        return jdbc.sql("select count(*) from " + c.table() + " where " + c.column() + " is not null").query(Long.class).single();
    }

    private void sampleRecords() {
        jdbc.sql("insert into privacy_audit (actor_id, action, object_type, object_id) select id, 'PROBE', 'probe', '1' from account limit 1")
                .update();
        long helper = jdbc.sql("select helper_id from helper_availability limit 1").query(Long.class).single();
        long lab = jdbc.sql("select lab_id from helper_availability limit 1").query(Long.class).single();
        jdbc.sql("""
                insert into appointment (code, lab_id, helper_id, topic_key, language, mode, starts_at, ends_at, status, name,
                    email, phone, ui_language, manage_token_hash)
                values ('SC-HM9', ?, ?, 'jobs', 'de', 'IN_PERSON', now() + interval '300 days', now() + interval '300 days 1 hour',
                    'BOOKED', 'Schema Probe', 'probe@example.org', '0421 1', 'de', md5('schema-probe'))""")
                .params(lab, helper).update();
        long course = TestCourses.published(jdbc, "groepelingen", 3, "Schema-Probe", 200);
        jdbc.sql("""
                insert into course_registration (course_id, status, name, email, phone, ui_language, manage_token_hash, waitlisted_at)
                values (?, 'WAITLISTED', 'Schema Probe', 'probe@example.org', '0421 1', 'de', md5('schema-probe-course'), now())""")
                .param(course).update();
        long mail = jdbc.sql("""
                insert into mail_outbox (recipient, subject, body, attachment_filename, attachment_content_type, attachment_data,
                    last_error) values ('probe@example.org', 'Probe', 'Hallo Probe', 'a.ics', 'text/calendar', '\\x00', 'timeout')
                returning id""").query(Long.class).single();
        jdbc.sql("insert into mail_outbox_attachment (mail_id, position, filename, content_type, data) values (?, 1, 'a.ics', 'text/calendar', '\\x00')")
                .param(mail).update();
        // partners: one request with a message, a helper, a log line, a reach report and a decline text
        long org = jdbc.sql("""
                insert into partner_organisation (name, kind, stadtteil, lab_id) values ('Schema-Probe e.V.', 'SCHOOL', 'Gröpelingen', ?)
                returning id""").param(lab).query(Long.class).single();
        long request = jdbc.sql("""
                insert into partner_request (organisation_id, lab_id, kind, topic, group_size, age_bands, languages, place, created_by,
                    decline_reason, decline_alternative) values (?, ?, 'WORKSHOP', 'Probe', 5, 'ADULTS', 'de', 'LAB', ?, 'Frau Probe', 'Probe')
                returning id""").params(org, lab, helper).query(Long.class).single();
        jdbc.sql("insert into partner_message (request_id, author_id, from_lab, body) values (?, ?, true, 'Frau Probe ruft an')")
                .params(request, helper).update();
        jdbc.sql("insert into partner_request_helper (request_id, account_id) values (?, ?)").params(request, helper).update();
        jdbc.sql("insert into partner_request_log (request_id, action, actor, visible_to_partner) values (?, 'SEEN', 'coordinator', true)")
                .param(request).update();
        jdbc.sql("insert into partner_request_log (request_id, action, actor, visible_to_partner) values (?, 'CREATED', 'probe', true)")
                .param(request).update();
        jdbc.sql("""
                insert into partner_reach_report (request_id, participants, age_under_12, age_12_17, age_18_26, age_27_64, age_65_plus,
                    first_time, languages, duration_minutes, staff_hours, volunteer_hours, devices_lent, filed_by, filed_by_id)
                values (?, 1, 0, 0, 0, 1, 0, 0, 'de', 60, 1, 0, 0, 'probe', ?)""").params(request, helper).update();
        // partners' directory: an entry with a consenting contact person, and a report with its text
        long entry = jdbc.sql("""
                insert into partner_directory_entry (organisation_id, description, contact_person, contact_consent_at,
                    contact_consent_version, contact_consent_recorded_by) values (?, 'Probe', 'Frau Probe', now(), 'v', ?)
                returning id""").params(org, helper).query(Long.class).single();
        jdbc.sql("insert into partner_directory_report (entry_id, reason, body) values (?, 'WRONG', 'Frau Probe ist weg')")
                .param(entry).update();
        // skills: a finished course self-check with its link and pair key, a revoked badge with staff's reason
        jdbc.sql("""
                insert into skills_check (resume_token_hash, mode, framework, item_set, language, course_id, phase, pair_key,
                    started_at, completed_at) values (md5('schema-probe-skills'), 'COURSE', 'DigComp 2.2', 'probe', 'de', ?, 'BEFORE',
                    md5('schema-probe-pair'), now(), now())""").param(course).update();
        jdbc.sql("""
                insert into skills_credential (id, course_id, claim_token_hash, json, issued_at, revoked_at, revocation_reason)
                values ('schema-probe-badge', ?, md5('schema-probe-claim'), '{}', now(), now(), 'Probe')""").param(course).update();
        // skills: a completer's claim link (hash) and a coordinator's achievement for the course
        jdbc.sql("insert into skills_claim (registration_id, course_id, token_hash, created_at) values (-1, ?, md5('schema-probe-slip'), now())")
                .param(course).update();
        jdbc.sql("insert into skills_achievement (course_id, level, competences, updated_at, updated_by) values (?, 'FOUNDATION', '', now(), 'probe')")
                .param(course).update();
        // participation: a published idea with its proposer, a confirmed follower and an unconfirmed support
        long idea = jdbc.sql("""
                insert into idea (lab_id, kind, title, text, language, ui_language, state, nickname, email, manage_token_hash,
                    licence, published_at, last_decision_at)
                values (?, 'OTHER', 'Schema-Probe', 'Ein Text der Schema-Probe', 'de', 'de', 'PUBLISHED', 'Probe', 'probe@example.org',
                    md5('schema-probe-idea') || md5('x'), 'CC-BY-4.0', now(), now())
                returning id""").param(lab).query(Long.class).single();
        jdbc.sql("insert into idea_follower (idea_id, email, ui_language, token_hash, confirmed_at) values (?, 'probe@example.org', 'de', md5('schema-probe-follower') || md5('y'), now())")
                .param(idea).update();
        jdbc.sql("insert into idea_confirmed_support (idea_id, email_hash, token_hash) values (?, md5('probe') || md5('z'), md5('schema-probe-support') || md5('z'))")
                .param(idea).update();
        // equipment: a maker pass with nickname and e-mail, and a returned, undamaged loan with its borrower
        jdbc.sql("""
                insert into maker_pass (code, token_hash, lab_id, nickname, email)
                values ('MAKER-PROB-E999', md5('schema-probe-pass'), ?, 'Probe', 'probe@example.org')""").param(lab).update();
        long pool = jdbc.sql("insert into device_pool (lab_id, name, device_type) values (?, 'Schema-Probe', 'LAPTOP') returning id")
                .param(lab).query(Long.class).single();
        long device = jdbc.sql("insert into device (pool_id, asset_tag) values (?, 'SCHEMA-PROBE-1') returning id")
                .param(pool).query(Long.class).single();
        jdbc.sql("""
                insert into device_loan (device_id, lab_id, device_type, borrower_name, borrower_contact, borrower_key,
                    agreement_version, lent_at, due_on, returned_at, return_condition, damage)
                values (?, ?, 'LAPTOP', 'Schema Probe', 'probe@example.org', md5('probe'), '1', now() - interval '2 days',
                    current_date, now() - interval '1 day', 'GOOD', 'NONE')""").params(device, lab).update();
        // accounts: a logged-in session with an attribute; platform: an emptied rate-limit bucket
        jdbc.sql("""
                insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval,
                    expiry_time, principal_name) values ('schema-probe-session-00000000000000', 'schema-probe-session-id-00000000000',
                    0, 0, 28800, (extract(epoch from now()) * 1000)::bigint + 28800000, 'probe')""").update();
        jdbc.sql("""
                insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
                values ('schema-probe-session-00000000000000', 'probe', '\\x00')""").update();
        jdbc.sql("""
                insert into rate_bucket (key_hash, capacity, period_ms, tokens, updated_at, consumed)
                values (md5('schema-probe') || md5('rate'), 5, 900000, 0, now(), false)""").update();
    }
}
