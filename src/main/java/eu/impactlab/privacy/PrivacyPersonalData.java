package eu.impactlab.privacy;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Column;
import eu.impactlab.platform.PersonalData.Deletion;
import eu.impactlab.platform.PersonalData.LegalBasis;
import eu.impactlab.platform.PersonalData.Use;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The privacy module's own records name staff by account id only: who searched, who answered a request. */
@Component
class PrivacyPersonalData implements PersonalData.Declaration {

    private final AuditRetention auditRetention;

    PrivacyPersonalData(AuditRetention auditRetention) {
        this.auditRetention = auditRetention;
    }

    @Override
    public List<Use> uses() {
        return List.of(
                new Use("privacy.audit", Set.of(), LegalBasis.LEGAL_OBLIGATION, Set.of(), Deletion.AFTER_RETENTION,
                        AuditRetention.LOCK, auditRetention.retentionDays(), List.of(
                                new Column("privacy_audit", "actor_id", PersonalData.Kind.STAFF_ID))),
                new Use("privacy.accountability", Set.of(), LegalBasis.LEGAL_OBLIGATION, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("privacy_request", "handled_by", PersonalData.Kind.STAFF_ID))));
    }

    @Override
    public List<PersonalData.NotPersonal> notPersonal() {
        return List.of(new PersonalData.NotPersonal("privacy_audit", "details", "non-personal values only, by rule"));
    }
}
