package eu.impactlab.partners;

import java.time.LocalDate;
import java.util.List;

/** A checked new request, ready to store. */
record RequestInput(Choices.Kind kind, String topic, int groupSize, List<Choices.AgeBand> ageBands, List<String> languages,
        List<Choices.Access> accessibility, Choices.Place place, List<RequestView.DateRange> preferredDates,
        Choices.DeviceType deviceType, Integer deviceCount, LocalDate loanFrom, LocalDate loanUntil, String key) {
}
