package eu.impactlab.consultations;

import java.time.OffsetDateTime;

/**
 * What a citizen asks for. {@code start} is null when it could not be read; {@code idempotencyKey} makes a repeated
 * submission return the first booking instead of a second one.
 */
public record BookingRequest(String lab, String topic, String language, OffsetDateTime start, Mode mode, String name,
        String email, String phone, boolean consent, String uiLanguage, String idempotencyKey) {
}
