package eu.impactlab.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The vocabulary in which every module declares the personal data it keeps: which columns, for which purpose, on which
 * legal basis, for how long and what deletes them. The privacy module collects the {@link Declaration} beans and builds
 * the register of processing, the privacy notices and the schema check from them, and asks the {@link Holder} beans
 * for one person's data; so it needs no module, and no module needs it.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** A phone number's digits only, so "0421 555-12" finds "0421 55512"; null when there are none. */
    public static String phoneDigits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.isEmpty() ? null : digits;
    }

    /** Art. 6(1) GDPR, with Bremen's law for tasks in the public interest. */
    public enum LegalBasis {
        /** Art. 6(1)(a): the person agreed, on the form. */
        CONSENT,
        /** Art. 6(1)(b): needed to give the person what they asked for (a seat, an account to work with). */
        CONTRACT,
        /** Art. 6(1)(c): the law requires it (accountability under Art. 5(2), 30). */
        LEGAL_OBLIGATION,
        /** Art. 6(1)(e) with § 3 BremDSGVOAG: a task in the public interest (running the labs safely). */
        PUBLIC_TASK
    }

    /** What kind of personal data a column holds; decides how it is shown and exported. */
    public enum Kind {
        NAME, CONTACT, FREE_TEXT, TOKEN, ONLINE_ID, STAFF_ID, CREDENTIAL, PROFILE
    }

    /** What ends the data. */
    public enum Deletion {
        /** A deletion job (a {@link DeletionJob} bean of that name) empties the column when the retention is over. */
        AFTER_RETENTION,
        /** Kept while the staff account exists; deleting or anonymising the account ends it. */
        WITH_ACCOUNT,
        /** Not personal once the names and contacts of its record are gone; stays with the anonymous record. */
        WITH_RECORD
    }

    /** One column of one table. */
    public record Column(String table, String column, Kind kind) {
        public Column {
            Objects.requireNonNull(table);
            Objects.requireNonNull(column);
            Objects.requireNonNull(kind);
        }
    }

    /**
     * One purpose for which a module keeps personal data. Texts come from the message bundles under keys derived from
     * {@code key}: {@code privacy.use.<key>.purpose} and {@code privacy.use.<key>.retention} (which gets
     * {@code retentionDays} as {0}); the data are named by the columns' kinds, the people by the forms (citizens) or
     * their absence (staff).
     *
     * @param key a stable name, "module.purpose"
     * @param forms the public forms whose privacy notice names this use ("booking", "course-registration"); empty for staff
     * @param recipients who else receives the data: "mail" (the mail server), "video" (the video service); may be empty
     * @param deletionJob the {@link DeletionJob#name()} that deletes it, for {@link Deletion#AFTER_RETENTION}
     */
    public record Use(String key, Set<String> forms, LegalBasis legalBasis, Set<String> recipients, Deletion deletion,
            String deletionJob, long retentionDays, List<Column> columns) {
        public Use {
            forms = Set.copyOf(forms);
            recipients = Set.copyOf(recipients);
            columns = List.copyOf(columns);
            if (deletion == Deletion.AFTER_RETENTION && (deletionJob == null || deletionJob.isBlank())) {
                throw new IllegalArgumentException(key + ": deletion after the retention period needs a deletion job");
            }
        }

        public String module() {
            return key.substring(0, key.indexOf('.'));
        }
    }

    /** A column whose name sounds personal but which holds nothing about a person, and why. */
    public record NotPersonal(String table, String column, String reason) {
    }

    /** A module's declaration: one bean per module, usually a small class {@code <Module>PersonalData}. */
    public interface Declaration {
        List<Use> uses();

        default List<NotPersonal> notPersonal() {
            return List.of();
        }
    }

    /**
     * A job that deletes personal data when it is due. It runs its work through
     * {@link OnceAcrossInstances#deletion(String, java.util.function.IntSupplier)}, which records the count of each run.
     */
    public interface DeletionJob {
        String name();

        /** Deletes what is due at {@code now}; @return how many records lost personal data, or -1 when another instance is at it */
        int deleteDue(Instant now);
    }

    /** A search for one person, by e-mail address or phone number (either may be null), in some labs or all (null). */
    public record Query(String email, String phone, Set<Long> labIds) {
    }

    /** The query's labs for an SQL {@code in (:labs)}, never empty (-1 matches no lab). */
    public static List<Long> labList(Query query) {
        return query.labIds() == null || query.labIds().isEmpty() ? List.of(-1L) : List.copyOf(query.labIds());
    }

    /**
     * One record about a person that a module holds.
     *
     * @param kind what it is ("appointment", "course-registration"): the message key {@code privacy.record.<kind>}
     * @param form the form it came from, whose privacy notice explains it ("booking"), or null
     * @param ref the module's id of the record, to erase it
     * @param labId the lab it belongs to, or null
     * @param title a short, readable description (course title, date), not personal
     * @param fields the personal fields by column name (null values left out), for view and export
     * @param kept what stays after erasure and why: message keys
     * @param identifying whether the record still ties its data to a person; when none does, "delete now" has nothing left
     */
    public record Found(String kind, String form, String ref, Long labId, String title, Map<String, String> fields, List<String> kept,
            boolean identifying) {

        /** Names and contacts are what usually identify: a record identifies as long as it holds one of them. */
        public static final List<String> NAMES_AND_CONTACTS = List.of("name", "email", "phone", "recipient");

        /** For a holder whose records identify by a name or contact only. */
        public Found(String kind, String form, String ref, Long labId, String title, Map<String, String> fields, List<String> kept) {
            this(kind, form, ref, labId, title, fields, kept, NAMES_AND_CONTACTS.stream().anyMatch(fields::containsKey));
        }
    }

    /**
     * A module that holds data about citizens answers for it: by search (the coordinator's person search), by private
     * link (the citizen's "what we store about you"), and erases a record it returned.
     */
    public interface Holder {
        List<Found> find(Query query);

        /** The records behind a private link's token (none when the token is not this module's). */
        List<Found> byLink(String token);

        /** Deletes the personal fields of one record returned before; @return whether there was something to delete */
        boolean erase(String kind, String ref, String actor);
    }
}
