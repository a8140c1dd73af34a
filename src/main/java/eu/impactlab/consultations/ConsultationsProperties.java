package eu.impactlab.consultations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param videoBaseUrl       video meetings get a link to a random room under this address (e.g. your Jitsi server)
 * @param retentionDays      names and contact data are deleted this many days after the appointment
 * @param leadTime           how long before its start a time can still be booked
 * @param bookingDays        how many days ahead people can book
 */
@ConfigurationProperties("impactlab.consultations")
record ConsultationsProperties(
        @DefaultValue("https://meet.jit.si") String videoBaseUrl,
        @DefaultValue("30") int retentionDays,
        @DefaultValue("30m") Duration leadTime,
        @DefaultValue("28") int bookingDays) {
}
