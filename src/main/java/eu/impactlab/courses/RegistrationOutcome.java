package eu.impactlab.courses;

import java.util.Map;

/** What came of a registration attempt. */
sealed interface RegistrationOutcome {

    /** A new registration, with a seat or on the waitlist; the token of the manage link exists only here. */
    record Registered(Registration registration, String manageToken) implements RegistrationOutcome {
    }

    /** The same form or API call came again: the registration it made the first time. */
    record Repeated(Registration registration) implements RegistrationOutcome {
    }

    /** Field → message key for each field that needs fixing; nothing was saved. */
    record Invalid(Map<String, String> errors) implements RegistrationOutcome {
    }

    /** The course takes no registrations (now); nothing was saved. */
    record Refused(Refusal reason) implements RegistrationOutcome {
    }

    /** No such (published) course. */
    record NotFound() implements RegistrationOutcome {
    }

    enum Refusal {
        CANCELLED, CLOSED, NOT_YET_OPEN, STARTED;

        public String messageKey() {
            return "courses.refused." + name();
        }
    }
}
