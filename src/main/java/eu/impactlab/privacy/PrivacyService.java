package eu.impactlab.privacy;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Found;
import eu.impactlab.platform.PersonalData.Query;
import eu.impactlab.platform.PersonalData.Use;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The privacy module's one service: every module's declared uses of personal data, one person's records across
 * modules (by private link or by search), their erasure, and the audit trail other modules write to.
 */
@Service
public class PrivacyService {

    private final List<PersonalData.Declaration> declarations;
    private final List<PersonalData.Holder> holders;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    PrivacyService(List<PersonalData.Declaration> declarations, List<PersonalData.Holder> holders, AuditTrail audit,
            TransactionTemplate transactions) {
        this.declarations = declarations;
        this.holders = holders;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Every declared use, by module and key. */
    public List<Use> uses() {
        return declarations.stream().flatMap(d -> d.uses().stream())
                .sorted(Comparator.comparing(Use::key)).toList();
    }

    /** The public forms that have a generated privacy notice at {@code /privacy/notice/<form>}. */
    public List<String> forms() {
        return PrivacyController.FORMS;
    }

    /** The uses a public form's privacy notice names. */
    List<Use> usesOf(String form) {
        return uses().stream().filter(u -> u.forms().contains(form)).toList();
    }

    List<PersonalData.NotPersonal> notPersonal() {
        return declarations.stream().flatMap(d -> d.notPersonal().stream()).toList();
    }

    Map<String, List<Use>> usesByModule() {
        return uses().stream().collect(Collectors.groupingBy(Use::module, java.util.TreeMap::new, Collectors.toList()));
    }

    /** The records behind a private link, from every module that knows the token. */
    List<Found> byLink(String token) {
        return holders.stream().flatMap(h -> h.byLink(token).stream()).toList();
    }

    /** Erases everything behind a private link at the citizen's wish; @return how many records lost personal data */
    int eraseLink(String token) {
        int erased = 0;
        for (PersonalData.Holder holder : holders) {
            for (Found found : holder.byLink(token)) {
                if (holder.erase(found.kind(), found.ref(), "citizen")) {
                    erased++;
                }
            }
        }
        return erased;
    }

    /** A staff search for one person; the search itself goes into the audit trail (the count, never the address). */
    List<Found> search(String username, Query query) {
        return transactions.execute(status -> {
            List<Found> found = holders.stream().flatMap(h -> h.find(query).stream()).toList();
            audit.record(username, "PERSON_SEARCH", "person", null, null, "found=" + found.size());
            return found;
        });
    }

    /** Erases what the same search finds, in the staff member's labs; @return how many records lost personal data */
    int erase(String username, Query query) {
        return Optional.ofNullable(transactions.execute(status -> {
            List<Integer> counts = new ArrayList<>();
            for (PersonalData.Holder holder : holders) {
                for (Found found : holder.find(query)) {
                    if (holder.erase(found.kind(), found.ref(), username)) {
                        audit.record(username, "PERSONAL_DATA_ERASED", found.kind(), found.ref(), found.labId(), null);
                        counts.add(1);
                    }
                }
            }
            return counts.size();
        })).orElse(0);
    }

    /** One entry of an object's history, for its "history" section: when, who (a username), what, which values. */
    public record HistoryEntry(java.time.Instant at, String actor, String action, String details) {
    }

    /** What staff did to one object, newest first. */
    public List<HistoryEntry> history(String objectType, String objectId) {
        return audit.find(null, objectType, objectId, null, null, 50).stream()
                .map(e -> new HistoryEntry(e.at(), e.actor(), e.action(), e.details())).toList();
    }

    /**
     * Records what a member of staff did to an object, in the caller's transaction. Only ids and non-personal values
     * belong in {@code details} (a capacity from 12 to 14, a status), never a name or contact.
     */
    public void audit(String username, String action, String objectType, String objectId, Long labId, String details) {
        audit.record(username, action, objectType, objectId, labId, details);
    }
}
