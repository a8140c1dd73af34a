package eu.impactlab.partners;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param firstReplyDays      working days until the lab's first answer to a new request
 * @param dateProposalDays    working days until the lab proposes a date
 * @param remindPartnerDays   working days of waiting for the partner until the partner is reminded
 * @param warnPartnerDays     working days of waiting until the partner is warned that the request will be withdrawn
 * @param withdrawDays        working days of waiting after which the request is withdrawn by itself
 * @param retention           messages and dates of finished requests are deleted this long after the last change
 * @param reminderCron        when the reminder job runs (Europe/Berlin)
 * @param retentionCron       when the deletion job runs (Europe/Berlin)
 */
@ConfigurationProperties("impactlab.partners")
record PartnersProperties(
        @DefaultValue("2") int firstReplyDays,
        @DefaultValue("10") int dateProposalDays,
        @DefaultValue("5") int remindPartnerDays,
        @DefaultValue("15") int warnPartnerDays,
        @DefaultValue("20") int withdrawDays,
        @DefaultValue("P730D") Duration retention,
        @DefaultValue("0 5 * * * *") String reminderCron,
        @DefaultValue("0 35 3 * * *") String retentionCron) {
}
