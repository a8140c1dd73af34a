package eu.impactlab.partners;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The neighbourhood directory's fixed lists and one entry as pages show it. */
final class Directory {

    /** What an organisation offers its neighbourhood: a short fixed list with translated labels. */
    enum Offer { HOMEWORK_HELP, REPAIR_CAFE, INTERNSHIPS, LANGUAGE_CAFE, COMPUTER_HELP, MEETING_ROOMS }

    /** Accessibility facts of the place, a fixed list (no free text that could promise too much). */
    enum AccessFact { STEP_FREE, ACCESSIBLE_TOILET, HEARING_LOOP, SEATS_TO_REST }

    enum ReportReason { WRONG, CLOSED, OFFENSIVE, OTHER }

    /** The review states; the database trigger allows the same steps. */
    enum State {
        DRAFT, PENDING_REVIEW, PUBLISHED, REJECTED;

        private static final Map<State, Set<State>> NEXT = Map.of(
                DRAFT, Set.of(PENDING_REVIEW),
                PENDING_REVIEW, Set.of(PUBLISHED, REJECTED, DRAFT),
                PUBLISHED, Set.of(DRAFT, PENDING_REVIEW),
                REJECTED, Set.of(DRAFT, PENDING_REVIEW));

        boolean canGoTo(State to) {
            return NEXT.get(this).contains(to);
        }
    }

    /** The version of the text a named contact person agrees to; stored with the consent. */
    static final String CONSENT_VERSION = "2026-12";

    record Entry(long id, long organisationId, String name, String kind, String stadtteil, long labId, State state,
            String description, String openingHours, List<String> offers, List<String> languages,
            List<String> accessibility, String website, String contactEmail, String contactPerson, Instant consentAt,
            String consentVersion, String rejectReason, Instant confirmedAt, Instant updatedAt) {
    }

    record Report(long id, long entryId, String entryName, String reason, String body, Instant createdAt) {
    }

    /** What the partner writes into the form, already checked. */
    record Input(String description, String openingHours, List<String> offers, List<String> languages,
            List<String> accessibility, String website, String contactEmail, String contactPerson, boolean contactConsent) {
    }

    private Directory() {
    }
}
