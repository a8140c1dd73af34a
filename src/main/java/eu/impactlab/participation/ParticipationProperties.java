package eu.impactlab.participation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code impactlab.participation.*}.
 *
 * @param retention     nicknames and e-mail addresses of proposers and followers are deleted this long after the
 *                      idea's last decision (published, answered, rejected, merged, withdrawn)
 * @param retentionCron when the deletion job runs (Europe/Berlin)
 * @param licence       the open-data licence proposers agree to: CC-BY-4.0 or CC0-1.0
 * @param pageSize      ideas per page in the public list
 */
@ConfigurationProperties("impactlab.participation")
record ParticipationProperties(
        @DefaultValue("P180D") Duration retention,
        @DefaultValue("0 35 * * * *") String retentionCron,
        @DefaultValue("CC-BY-4.0") String licence,
        @DefaultValue("20") int pageSize) {

    ParticipationProperties {
        if (!"CC-BY-4.0".equals(licence) && !"CC0-1.0".equals(licence)) {
            throw new IllegalArgumentException("impactlab.participation.licence must be CC-BY-4.0 or CC0-1.0");
        }
    }

    long retentionDays() {
        return retention.toDays();
    }

    String licenceUrl() {
        return "CC0-1.0".equals(licence) ? "https://creativecommons.org/publicdomain/zero/1.0/"
                : "https://creativecommons.org/licenses/by/4.0/";
    }
}
