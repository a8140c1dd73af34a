package eu.impactlab.equipment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param inductionValidity   an induction expires this long after it was given
 * @param inductionLapse      an induction lapses when its machine type was not reserved for this long
 * @param noShowAfter         a reservation nobody checked in to frees its machine this long after its start
 * @param reservationDays     how many days ahead machines can be reserved
 * @param passRetention       a maker pass unused for this long is deleted with its inductions
 * @param borrowerRetention   a borrower's name and contact are deleted this long after the return (unless damaged)
 * @param loanAgreementVersion the version of the loan agreement text people accept (messages equipment.agreement.*)
 * @param pairingValidity     how long a kiosk's one-time pairing code works
 */
@ConfigurationProperties("impactlab.equipment")
record EquipmentProperties(
        @DefaultValue("P365D") Duration inductionValidity,
        @DefaultValue("P180D") Duration inductionLapse,
        @DefaultValue("15m") Duration noShowAfter,
        @DefaultValue("28") int reservationDays,
        @DefaultValue("P730D") Duration passRetention,
        @DefaultValue("P30D") Duration borrowerRetention,
        @DefaultValue("2026-1") String loanAgreementVersion,
        @DefaultValue("P1D") Duration pairingValidity) {
}
