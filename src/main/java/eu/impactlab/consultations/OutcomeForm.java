package eu.impactlab.consultations;

import eu.impactlab.platform.BremenDistricts;

import eu.impactlab.consultations.ConsultationCompleted.AgeBand;
import eu.impactlab.consultations.ConsultationCompleted.FirstVisit;
import eu.impactlab.consultations.ConsultationCompleted.Gender;
import eu.impactlab.consultations.ConsultationCompleted.Referral;
import eu.impactlab.consultations.ConsultationCompleted.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.validation.Errors;

/**
 * The outcome form as sent: plain strings, so whatever was chosen comes back unchanged when something is missing.
 * Fixed lists only; there is deliberately no free-text field.
 */
class OutcomeForm {

    static final int MAX_MINUTES = 480;

    /** What the form says once it is valid. */
    record Answers(List<String> topics, Result result, Referral referral, int minutes, AgeBand ageBand, Gender gender,
            String stadtteil, FirstVisit firstVisit) {
    }

    private List<String> topics = new ArrayList<>();
    private String result;
    private String referral = Referral.NONE.name();
    private String minutes;
    private String ageBand = AgeBand.NOT_STATED.name();
    private String gender = Gender.NOT_STATED.name();
    private String stadtteil = ConsultationCompleted.NOT_STATED;
    private String firstVisit = FirstVisit.NOT_STATED.name();

    static OutcomeForm prefilled(String topicKey, int minutes) {
        OutcomeForm form = new OutcomeForm();
        form.topics.add(topicKey);
        form.minutes = String.valueOf(minutes);
        return form;
    }

    Optional<Answers> validate(Errors errors, Set<String> knownTopics) {
        List<String> chosen = topics == null ? List.of() : topics.stream().distinct().toList();
        if (chosen.isEmpty() || !knownTopics.containsAll(chosen)) {
            errors.rejectValue("topics", "outcome.error.topics");
        }
        Result resultValue = parse(Result.class, result);
        if (resultValue == null) {
            errors.rejectValue("result", "outcome.error.result");
        }
        Referral referralValue = parse(Referral.class, referral);
        if (referralValue == null) {
            errors.rejectValue("referral", "outcome.error.referral");
        }
        Integer minutesValue = minutes();
        if (minutesValue == null) {
            errors.rejectValue("minutes", "outcome.error.minutes");
        }
        AgeBand ageBandValue = parse(AgeBand.class, ageBand);
        if (ageBandValue == null) {
            errors.rejectValue("ageBand", "outcome.error.choice");
        }
        Gender genderValue = parse(Gender.class, gender);
        if (genderValue == null) {
            errors.rejectValue("gender", "outcome.error.choice");
        }
        if (stadtteil == null || !BremenDistricts.known(stadtteil)) {
            errors.rejectValue("stadtteil", "outcome.error.choice");
        }
        FirstVisit firstVisitValue = parse(FirstVisit.class, firstVisit);
        if (firstVisitValue == null) {
            errors.rejectValue("firstVisit", "outcome.error.choice");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Answers(chosen, resultValue, referralValue, minutesValue, ageBandValue, genderValue,
                stadtteil, firstVisitValue));
    }

    private Integer minutes() {
        if (minutes == null || !minutes.strip().matches("\\d{1,3}")) {
            return null;
        }
        int value = Integer.parseInt(minutes.strip());
        return value >= 1 && value <= MAX_MINUTES ? value : null;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public List<String> getTopics() { return topics; }
    public void setTopics(List<String> topics) { this.topics = topics; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getReferral() { return referral; }
    public void setReferral(String referral) { this.referral = referral; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
    public String getAgeBand() { return ageBand; }
    public void setAgeBand(String ageBand) { this.ageBand = ageBand; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public String getStadtteil() { return stadtteil; }
    public void setStadtteil(String stadtteil) { this.stadtteil = stadtteil; }
    public String getFirstVisit() { return firstVisit; }
    public void setFirstVisit(String firstVisit) { this.firstVisit = firstVisit; }
}
