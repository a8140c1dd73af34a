package eu.impactlab.impact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counts of one table row. Hidden measures are never shown; they exist so that a share's complement (the
 * unsolved part of "share solved") is protected like any shown cell.
 */
enum Measure {
    PEOPLE(false), CONSULTATIONS(false), APPOINTMENTS(false), WALK_INS(false), SHORT_HELP(false), BOOKINGS(false),
    CANCELLATIONS(false), NO_SHOWS(false), SOLVED(false), NOT_SOLVED(true), REFERRALS(false), NO_REFERRAL(true),
    FIRST_VISITS(false), OTHER_VISITS(true), WITH_LANGUAGE(false), OTHER_LANGUAGE(false), GERMAN(true),
    REGISTRATIONS(false), ATTENDANCE(false), COMPLETIONS(false), TECHNICAL(false), TECHNICAL_WOMEN(false),
    TECHNICAL_OTHERS(true), QUEUE_SERVED(true), FEEDBACK(false), SCORE_1(false), SCORE_2(false), SCORE_3(false),
    SCORE_4(false), SCORE_5(false);

    static final int COUNT = values().length;
    static final List<Measure> SHOWN = Arrays.stream(values()).filter(m -> !m.hidden).toList();
    static final List<Measure> SCORES = List.of(SCORE_1, SCORE_2, SCORE_3, SCORE_4, SCORE_5);

    private final boolean hidden;

    Measure(boolean hidden) {
        this.hidden = hidden;
    }

    boolean hidden() {
        return hidden;
    }

    String messageKey() {
        return "impact.measure." + name();
    }

    /** The relations inside one row, as measure ordinals: {total, parts...}. */
    static List<int[]> rowRelations() {
        List<int[]> relations = new ArrayList<>();
        relations.add(of(PEOPLE, CONSULTATIONS, REGISTRATIONS));
        relations.add(of(CONSULTATIONS, APPOINTMENTS, WALK_INS, SHORT_HELP));
        relations.add(of(CONSULTATIONS, SOLVED, NOT_SOLVED));
        relations.add(of(CONSULTATIONS, REFERRALS, NO_REFERRAL));
        relations.add(of(CONSULTATIONS, FIRST_VISITS, OTHER_VISITS));
        relations.add(of(WITH_LANGUAGE, OTHER_LANGUAGE, GERMAN));
        relations.add(of(TECHNICAL, TECHNICAL_WOMEN, TECHNICAL_OTHERS));
        relations.add(of(FEEDBACK, SCORE_1, SCORE_2, SCORE_3, SCORE_4, SCORE_5));
        return relations;
    }

    private static int[] of(Measure total, Measure... parts) {
        int[] relation = new int[parts.length + 1];
        relation[0] = total.ordinal();
        for (int i = 0; i < parts.length; i++) {
            relation[i + 1] = parts[i].ordinal();
        }
        return relation;
    }
}
