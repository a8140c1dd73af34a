package eu.impactlab.consultations;

import eu.impactlab.platform.BremenDistricts;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Help was given and its anonymous outcome recorded: only facts from fixed lists, never a person id, name, contact
 * or helper, so the impact module can count without knowing anyone.
 *
 * @param eventId        unique per outcome, so a retried event is counted once
 * @param date           the day the help was given (Europe/Berlin)
 * @param labId          the lab where (or from where) the help was given
 * @param kind           an appointment, a walk-in ticket, or short help without a ticket
 * @param topics         the topic keys handled, at least one
 * @param language       the language spoken, as a tag ("de", "tr"); null for short help
 * @param mode           how people met
 * @param result         whether the question was solved
 * @param referral       where the person was sent on to
 * @param minutes        how long it took; null for short help, where nobody measures it
 * @param ageBand        the visitor's age band, or NOT_STATED
 * @param gender         the visitor's gender, or NOT_STATED
 * @param stadtteil      the visitor's Stadtteil of residence by its official name, {@link #OUTSIDE_BREMEN} or {@link #NOT_STATED}
 * @param firstVisit     whether it was the visitor's first visit to a lab
 * @param waitingMinutes minutes between drawing and calling the ticket, only for walk-ins
 */
public record ConsultationCompleted(
        UUID eventId, LocalDate date, long labId, Kind kind, List<String> topics, String language, Mode mode, Result result,
        Referral referral, Integer minutes, AgeBand ageBand, Gender gender, String stadtteil, FirstVisit firstVisit,
        Integer waitingMinutes) {

    public static final String OUTSIDE_BREMEN = BremenDistricts.OUTSIDE_BREMEN;
    public static final String NOT_STATED = BremenDistricts.NOT_STATED;

    public ConsultationCompleted {
        topics = List.copyOf(topics);
    }

    public enum Kind {
        APPOINTMENT, WALK_IN, SHORT_HELP
    }

    public enum Result {
        SOLVED, PARTLY, NOT_SOLVED
    }

    public enum Referral {
        NONE, VERBRAUCHERZENTRALE, JOBCENTER, BUERGERAMT, MIGRATIONSAMT, SCHULDNERBERATUNG, OTHER_SERVICE
    }

    public enum AgeBand {
        UNDER_18, FROM_18_TO_29, FROM_30_TO_44, FROM_45_TO_64, FROM_65, NOT_STATED
    }

    public enum Gender {
        FEMALE, MALE, DIVERSE, NOT_STATED
    }

    public enum FirstVisit {
        YES, NO, NOT_STATED
    }
}
