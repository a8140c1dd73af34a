package eu.impactlab.platform;

import java.util.List;
import java.util.Set;

/**
 * The platform's tables keep no personal data (events carry ids and values from fixed lists only), except the rate
 * limits' buckets: named by the SHA-256 of a client address or a user name, gone once they have refilled.
 */
@org.springframework.stereotype.Component
class PlatformPersonalData implements PersonalData.Declaration {

    @Override
    public List<PersonalData.Use> uses() {
        return List.of(new PersonalData.Use("platform.rate-limits", Set.of("booking", "course-registration"),
                PersonalData.LegalBasis.PUBLIC_TASK, Set.of(), PersonalData.Deletion.AFTER_RETENTION, RateBuckets.LOCK, 1,
                List.of(new PersonalData.Column("rate_bucket", "key_hash", PersonalData.Kind.ONLINE_ID))));
    }

    @Override
    public List<PersonalData.NotPersonal> notPersonal() {
        return List.of(new PersonalData.NotPersonal("event_publication", "serialized_event",
                "events between modules carry ids, days and values from fixed lists, never a name or contact"),
                new PersonalData.NotPersonal("data_version", "name", "the name of a kind of data (labs, topics)"));
    }
}
