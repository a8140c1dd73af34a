package eu.impactlab.courses;

import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A course as the public sees it, with its texts in one language; each text carries the language it is really in
 * (German where a translation is missing), so pages can mark it with {@code lang}.
 */
record CourseView(long id, LabView lab, String status, String language, String level, boolean technical, int capacity,
        int confirmedCount, int waitlistLength, ZonedDateTime registrationOpensAt, ZonedDateTime registrationClosesAt,
        boolean registrationClosed, Text room, String onlineUrl, Text title, Text summary, Text accessibilityNotes,
        List<TargetGroup> targetGroups, List<String> competences, List<Session> sessions, State state) {

    static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    record Text(String value, String language) {
        public boolean present() {
            return value != null && !value.isBlank();
        }

        public String dir() {
            return Language.fromTag(language).map(Language::direction).orElse("ltr");
        }

        /** The lang attribute: Leichte Sprache is German to browsers. */
        public String htmlLang() {
            return Language.fromTag(language).map(Language::htmlLang).orElse(language);
        }
    }

    record Session(long id, int number, ZonedDateTime start, ZonedDateTime end) {
    }

    /** Whether (and why not) one can register now. */
    enum State {
        OPEN, WAITLIST, NOT_YET_OPEN, CLOSED, STARTED, ENDED, CANCELLED, DRAFT;

        public boolean registrable() {
            return this == OPEN || this == WAITLIST;
        }

        public String messageKey() {
            return "courses.state." + name();
        }
    }

    public int freeSeats() {
        return Math.max(0, capacity - confirmedCount);
    }

    public boolean online() {
        return onlineUrl != null && !onlineUrl.isBlank();
    }

    public ZonedDateTime firstStart() {
        return sessions.isEmpty() ? null : sessions.get(0).start();
    }

    public ZonedDateTime lastEnd() {
        return sessions.stream().map(Session::end).max(ZonedDateTime::compareTo).orElse(null);
    }

    public Language teachingLanguage() {
        return Language.fromTag(language).orElse(Language.DE);
    }

    /**
     * The one rule for whether a course takes registrations, used for what pages show and, with the course row
     * locked, for what a registration may do.
     */
    static State state(String status, Instant opensAt, Instant closesAt, boolean closed, Instant firstStart,
            Instant lastEnd, int capacity, int confirmed, Instant now) {
        if ("CANCELLED".equals(status)) {
            return State.CANCELLED;
        }
        if (!"PUBLISHED".equals(status)) {
            return State.DRAFT;
        }
        if (lastEnd != null && !now.isBefore(lastEnd)) {
            return State.ENDED;
        }
        if (firstStart == null) {
            return State.CLOSED;
        }
        if (!now.isBefore(firstStart)) {
            return State.STARTED;
        }
        if (closed || (closesAt != null && !now.isBefore(closesAt))) {
            return State.CLOSED;
        }
        if (opensAt != null && now.isBefore(opensAt)) {
            return State.NOT_YET_OPEN;
        }
        return confirmed < capacity ? State.OPEN : State.WAITLIST;
    }
}
