package eu.impactlab.impact;

import eu.impactlab.platform.BremenDistricts;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One anonymous fact as stored: dimensions from fixed lists, never a person. */
record Fact(UUID eventId, LocalDate day, long labId, Activity activity, List<String> topics, List<String> targetGroups,
        List<String> competences, String language, String ageBand, String gender, String stadtteil, String firstVisit,
        String result, String referral, Boolean technical, Integer score, Integer waitingMinutes, int cases) {

    static final String NOT_STATED = BremenDistricts.NOT_STATED;

    Fact {
        topics = topics == null ? List.of() : List.copyOf(topics);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        competences = competences == null ? List.of() : List.copyOf(competences);
        ageBand = orNotStated(ageBand);
        gender = orNotStated(gender);
        stadtteil = stadtteil == null || !BremenDistricts.known(stadtteil) ? NOT_STATED : stadtteil;
    }

    String stadtbezirk() {
        return BremenDistricts.stadtbezirkOf(stadtteil);
    }

    static Fact of(UUID eventId, LocalDate day, long labId, Activity activity) {
        return new Fact(eventId, day, labId, activity, null, null, null, null, null, null, null, null, null, null, null,
                null, null, 1);
    }

    Fact withTopics(List<String> value) {
        return new Fact(eventId, day, labId, activity, value, targetGroups, competences, language, ageBand, gender,
                stadtteil, firstVisit, result, referral, technical, score, waitingMinutes, cases);
    }

    Fact withLanguage(String value) {
        return new Fact(eventId, day, labId, activity, topics, targetGroups, competences, value, ageBand, gender,
                stadtteil, firstVisit, result, referral, technical, score, waitingMinutes, cases);
    }

    Fact withCourse(List<String> groups, List<String> competenceCodes, boolean isTechnical) {
        return new Fact(eventId, day, labId, activity, topics, groups, competenceCodes, language, ageBand, gender,
                stadtteil, firstVisit, result, referral, isTechnical, score, waitingMinutes, cases);
    }

    Fact withVisitor(String age, String gen, String district) {
        return new Fact(eventId, day, labId, activity, topics, targetGroups, competences, language, age, gen, district,
                firstVisit, result, referral, technical, score, waitingMinutes, cases);
    }

    Fact withOutcome(String first, String res, String ref) {
        return new Fact(eventId, day, labId, activity, topics, targetGroups, competences, language, ageBand, gender,
                stadtteil, first, res, ref, technical, score, waitingMinutes, cases);
    }

    Fact withScore(int value) {
        return new Fact(eventId, day, labId, activity, topics, targetGroups, competences, language, ageBand, gender,
                stadtteil, firstVisit, result, referral, technical, value, waitingMinutes, cases);
    }

    Fact withWaiting(Integer minutes) {
        return new Fact(eventId, day, labId, activity, topics, targetGroups, competences, language, ageBand, gender,
                stadtteil, firstVisit, result, referral, technical, score, minutes, cases);
    }

    Fact withCases(int value) {
        return new Fact(eventId, day, labId, activity, topics, targetGroups, competences, language, ageBand, gender,
                stadtteil, firstVisit, result, referral, technical, score, waitingMinutes, value);
    }

    private static String orNotStated(String value) {
        return value == null || value.isBlank() ? NOT_STATED : value;
    }
}
