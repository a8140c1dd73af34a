package eu.impactlab.consultations;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param videoBaseUrl       video meetings get a link to a random room under this address (your own Jitsi or
 *                           BigBlueButton); empty means no video service is contracted, so video is not offered
 * @param retentionDays      names and contact data are deleted this many days after the appointment
 * @param leadTime           how long before its start a time can still be booked
 * @param bookingDays        how many days ahead people can book
 * @param keptFreeTimes      memory for the free-times API's answers kept per lab, topic, language and days; 0 keeps none
 */
@ConfigurationProperties("impactlab.consultations")
record ConsultationsProperties(
        @DefaultValue("") String videoBaseUrl,
        @DefaultValue("30") int retentionDays,
        @DefaultValue("30m") Duration leadTime,
        @DefaultValue("28") int bookingDays,
        @DefaultValue("4MB") DataSize keptFreeTimes) {

    boolean videoOffered() {
        return videoBaseUrl != null && !videoBaseUrl.isBlank();
    }

    /** The ways of meeting people may book; a public body sends citizens only to a video service it has chosen. */
    Set<Mode> offeredModes() {
        return videoOffered() ? EnumSet.allOf(Mode.class) : EnumSet.of(Mode.IN_PERSON, Mode.PHONE);
    }
}
