package eu.impactlab.partners;

import static eu.impactlab.platform.PersonalData.Kind.FREE_TEXT;
import static eu.impactlab.platform.PersonalData.Kind.NAME;
import static eu.impactlab.platform.PersonalData.Kind.PROFILE;
import static eu.impactlab.platform.PersonalData.Kind.STAFF_ID;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.Column;
import eu.impactlab.platform.PersonalData.Deletion;
import eu.impactlab.platform.PersonalData.LegalBasis;
import eu.impactlab.platform.PersonalData.NotPersonal;
import eu.impactlab.platform.PersonalData.Use;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The partners module's personal data. Partners are accounts acting for an organisation, not citizens: the module
 * stores no contact of a person (no name, e-mail or phone of its own), so there is nothing for the person search and
 * no private link, hence no {@link PersonalData.Holder}.
 */
@Component
class PartnersPersonalData implements PersonalData.Declaration {

    private final PartnersProperties properties;

    PartnersPersonalData(PartnersProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Use> uses() {
        return List.of(
                new Use("partners.membership", Set.of(), LegalBasis.CONTRACT, Set.of("mail"),
                        Deletion.WITH_ACCOUNT, null, 0, List.of(
                                new Column("partner_member", "account_id", STAFF_ID),
                                new Column("partner_member", "language", PROFILE),
                                new Column("partner_member", "invited_by", STAFF_ID),
                                new Column("partner_member", "invited_by_id", STAFF_ID))),
                new Use("partners.requests", Set.of(), LegalBasis.PUBLIC_TASK, Set.of("mail"),
                        Deletion.AFTER_RETENTION, PartnerRetentionJob.LOCK, properties.retention().toDays(), List.of(
                                new Column("partner_message", "body", FREE_TEXT),
                                new Column("partner_message", "author_id", STAFF_ID),
                                new Column("partner_request", "decline_reason", FREE_TEXT),
                                new Column("partner_request", "decline_alternative", FREE_TEXT),
                                new Column("partner_request_helper", "account_id", STAFF_ID),
                                new Column("partner_request_log", "actor", STAFF_ID),
                                new Column("partner_request_log", "actor_id", STAFF_ID),
                                new Column("partner_reach_report", "filed_by", STAFF_ID),
                                new Column("partner_reach_report", "filed_by_id", STAFF_ID))),
                new Use("partners.organisation", Set.of(), LegalBasis.PUBLIC_TASK, Set.of(),
                        Deletion.WITH_RECORD, null, 0, List.of(
                                new Column("partner_request", "created_by", STAFF_ID),
                                // A short subject the partner writes ("Workshop for class 7b"); it may name a person.
                                new Column("partner_request", "topic", FREE_TEXT))),
                // A contact person named in the public directory, only with that person's own consent (who, when, which text).
                new Use("partners.directoryContact", Set.of(), LegalBasis.CONSENT, Set.of(),
                        Deletion.AFTER_RETENTION, DirectoryJob.DELETION, DirectoryJob.CONTACT_MONTHS * 31L, List.of(
                                new Column("partner_directory_entry", "contact_person", NAME),
                                new Column("partner_directory_entry", "contact_consent_at", PROFILE),
                                new Column("partner_directory_entry", "contact_consent_version", PROFILE),
                                new Column("partner_directory_entry", "contact_consent_recorded_by", STAFF_ID))),
                new Use("partners.directoryReports", Set.of(), LegalBasis.PUBLIC_TASK, Set.of(),
                        Deletion.AFTER_RETENTION, DirectoryJob.DELETION, DirectoryJob.REPORT_RETENTION.toDays(), List.of(
                                new Column("partner_directory_report", "body", FREE_TEXT))));
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("partner_organisation", "name", "an organisation's name (school, club, association), not a person's"),
                new NotPersonal("partner_organisation", "stadtteil", "the district of an organisation, not of a person"),
                new NotPersonal("partner_directory_entry", "description",
                        "an organisation's public self-description, reviewed by a coordinator before it is shown"),
                new NotPersonal("partner_directory_entry", "contact_email",
                        "an organisation's generic address (info@…), asked for as such; a person is named only with consent"),
                new NotPersonal("partner_directory_entry", "reject_reason", "a coordinator's reason about an organisation's entry"),
                new NotPersonal("partner_request", "request_key", "a random key against double submission"),
                new NotPersonal("partner_request", "age_bands", "the age bands expected in a whole group, of no one person"),
                new NotPersonal("partner_request", "accessibility",
                        "needs of a whole group chosen from a fixed list (step-free access, sign language…), of no one person"));
    }
}
