package eu.impactlab.partners;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.InputDates;
import eu.impactlab.platform.TextRules;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.validation.Errors;

/**
 * A partner's short form for one kind of support. Fields stay as typed, so a page with errors shows what was entered;
 * {@link #validate} turns them into a {@link RequestInput} or rejects fields with messages in the user's language.
 */
public class RequestForm {

    static final int MAX_GROUP = 200;
    static final int MAX_DEVICES = 100;

    private String kind = "";
    private String topic = "";
    private String groupSize = "";
    private List<String> ageBands = new ArrayList<>();
    private List<String> languages = new ArrayList<>();
    private List<String> accessibility = new ArrayList<>();
    private String place = "";
    private String date1 = "";
    private String from1 = "";
    private String until1 = "";
    private String date2 = "";
    private String from2 = "";
    private String until2 = "";
    private String date3 = "";
    private String from3 = "";
    private String until3 = "";
    private String deviceType = "";
    private String deviceCount = "";
    private String loanFrom = "";
    private String loanUntil = "";
    private String key = java.util.UUID.randomUUID().toString();

    /** The languages a group may speak: the UI languages and the others helpers speak. */
    static List<Language> groupLanguages() {
        return List.of(Language.values());
    }

    Optional<RequestInput> validate(Errors errors) {
        Optional<Choices.Kind> k = Choices.parse(Choices.Kind.class, kind);
        if (k.isEmpty()) {
            errors.rejectValue("kind", "partners.error.kind");
            return Optional.empty();
        }
        boolean loan = k.get() == Choices.Kind.DEVICE_LOAN;
        String t = topic == null ? "" : topic.strip();
        if (t.isEmpty() || t.length() > 200 || !TextRules.singleLine(t)) {
            errors.rejectValue("topic", "partners.error.topic");
        }
        Integer size = number(groupSize);
        if (size == null || size < 1 || size > MAX_GROUP) {
            errors.rejectValue("groupSize", "partners.error.groupSize", new Object[] {MAX_GROUP}, null);
        }
        List<Choices.AgeBand> bands = ageBands.stream().map(b -> Choices.parse(Choices.AgeBand.class, b))
                .flatMap(Optional::stream).distinct().toList();
        if (bands.isEmpty() || bands.size() != ageBands.stream().distinct().count()) {
            errors.rejectValue("ageBands", "partners.error.ageBands");
        }
        List<String> langs = languages.stream().map(Language::fromTag).flatMap(Optional::stream).map(Language::tag)
                .distinct().toList();
        if (langs.isEmpty() || langs.size() != languages.stream().distinct().count()) {
            errors.rejectValue("languages", "partners.error.languages");
        }
        List<Choices.Access> access = accessibility.stream().map(a -> Choices.parse(Choices.Access.class, a))
                .flatMap(Optional::stream).distinct().toList();
        if (access.size() != accessibility.stream().distinct().count()) {
            errors.rejectValue("accessibility", "partners.error.choice");
        }
        Choices.Place p = switch (k.get()) {
            case REMOTE_SUPPORT -> Choices.Place.ONLINE;
            case LAB_VISIT, DEVICE_LOAN -> Choices.Place.LAB;
            default -> Choices.parse(Choices.Place.class, place).orElse(null);
        };
        if (p == null) {
            errors.rejectValue("place", "partners.error.place");
        }
        List<RequestView.DateRange> dates = new ArrayList<>();
        Choices.DeviceType device = null;
        Integer count = null;
        LocalDate loanStart = null;
        LocalDate loanEnd = null;
        if (loan) {
            device = Choices.parse(Choices.DeviceType.class, deviceType).orElse(null);
            if (device == null) {
                errors.rejectValue("deviceType", "partners.error.deviceType");
            }
            count = number(deviceCount);
            if (count == null || count < 1 || count > MAX_DEVICES) {
                errors.rejectValue("deviceCount", "partners.error.deviceCount", new Object[] {MAX_DEVICES}, null);
            }
            loanStart = day(loanFrom);
            loanEnd = day(loanUntil);
            if (loanStart == null) {
                errors.rejectValue("loanFrom", "partners.error.date");
            }
            if (loanEnd == null || (loanStart != null && loanEnd.isBefore(loanStart))) {
                errors.rejectValue("loanUntil", "partners.error.loanUntil");
            }
            if (loanStart != null && loanEnd != null && !loanEnd.isBefore(loanStart)) {
                // The collection is at the lab on the first day: that is the date the lab has to keep free.
                dates.add(new RequestView.DateRange(loanStart.atTime(10, 0).atZone(PartnerStore.BREMEN),
                        loanStart.atTime(11, 0).atZone(PartnerStore.BREMEN)));
            }
        } else {
            addDate(errors, dates, "1", date1, from1, until1, true);
            addDate(errors, dates, "2", date2, from2, until2, true);
            addDate(errors, dates, "3", date3, from3, until3, false);
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String requestKey = key != null && eu.impactlab.platform.IdempotencyKeys.acceptable(key) ? key : null;
        return Optional.of(new RequestInput(k.get(), t, size, bands, langs, access, p, dates, device, count, loanStart, loanEnd,
                requestKey));
    }

    private static void addDate(Errors errors, List<RequestView.DateRange> dates, String n, String date, String from,
            String until, boolean required) {
        boolean blank = isBlank(date) && isBlank(from) && isBlank(until);
        if (blank && !required) {
            return;
        }
        LocalDate d = day(date);
        LocalTime start = time(from);
        LocalTime end = time(until);
        if (d == null) {
            errors.rejectValue("date" + n, "partners.error.date");
            return;
        }
        if (start == null || end == null || !end.isAfter(start)) {
            errors.rejectValue("from" + n, "partners.error.time");
            return;
        }
        dates.add(new RequestView.DateRange(ZonedDateTime.of(d, start, PartnerStore.BREMEN),
                ZonedDateTime.of(d, end, PartnerStore.BREMEN)));
    }

    static LocalDate day(String value) {
        try {
            LocalDate d = isBlank(value) ? null : LocalDate.parse(value.strip());
            return d != null && InputDates.plausible(d) ? d : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalTime time(String value) {
        try {
            return isBlank(value) ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Integer number(String value) {
        try {
            return isBlank(value) ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getGroupSize() { return groupSize; }
    public void setGroupSize(String groupSize) { this.groupSize = groupSize; }
    public List<String> getAgeBands() { return ageBands; }
    public void setAgeBands(List<String> ageBands) { this.ageBands = ageBands == null ? new ArrayList<>() : ageBands; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages == null ? new ArrayList<>() : languages; }
    public List<String> getAccessibility() { return accessibility; }
    public void setAccessibility(List<String> accessibility) { this.accessibility = accessibility == null ? new ArrayList<>() : accessibility; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getDate1() { return date1; }
    public void setDate1(String date1) { this.date1 = date1; }
    public String getFrom1() { return from1; }
    public void setFrom1(String from1) { this.from1 = from1; }
    public String getUntil1() { return until1; }
    public void setUntil1(String until1) { this.until1 = until1; }
    public String getDate2() { return date2; }
    public void setDate2(String date2) { this.date2 = date2; }
    public String getFrom2() { return from2; }
    public void setFrom2(String from2) { this.from2 = from2; }
    public String getUntil2() { return until2; }
    public void setUntil2(String until2) { this.until2 = until2; }
    public String getDate3() { return date3; }
    public void setDate3(String date3) { this.date3 = date3; }
    public String getFrom3() { return from3; }
    public void setFrom3(String from3) { this.from3 = from3; }
    public String getUntil3() { return until3; }
    public void setUntil3(String until3) { this.until3 = until3; }
    public String getDeviceType() { return deviceType; }
    public void setDeviceType(String deviceType) { this.deviceType = deviceType; }
    public String getDeviceCount() { return deviceCount; }
    public void setDeviceCount(String deviceCount) { this.deviceCount = deviceCount; }
    public String getLoanFrom() { return loanFrom; }
    public void setLoanFrom(String loanFrom) { this.loanFrom = loanFrom; }
    public String getLoanUntil() { return loanUntil; }
    public void setLoanUntil(String loanUntil) { this.loanUntil = loanUntil; }
}
