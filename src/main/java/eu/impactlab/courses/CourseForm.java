package eu.impactlab.courses;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.TextRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.validation.Errors;

/**
 * The coordinator's course form. Every field is kept as typed (text), so a page with errors shows exactly what was
 * entered; {@link #validate} turns it into checked {@link Input} or rejects fields with messages in the user's language.
 */
class CourseForm {

    static final List<String> TARGET_GROUPS = java.util.Arrays.stream(TargetGroup.values()).map(Enum::name).toList();
    static final List<String> LEVELS = List.of("FOUNDATION", "INTERMEDIATE", "ADVANCED", "HIGHLY_SPECIALISED");
    /** DigComp 2.2 competence codes by area. */
    static final Map<String, List<String>> COMPETENCE_AREAS = areas();
    static final List<String> COMPETENCES = Competences.ALL;
    static final Comparator<String> COMPETENCE_ORDER = Comparator.comparingInt(COMPETENCES::indexOf);

    /** DigComp titles live in the courses bundle, one key per competence. */
    static String competenceKey(String code) {
        return Competences.messageKey(code);
    }

    static final int MAX_CAPACITY = 500;
    static final int MAX_SESSIONS_AT_ONCE = 60;
    static final int DEFAULT_COMPLETION_PERCENT = 75;

    /** Checked values, ready to store. Texts only for languages that have any. */
    record Input(long labId, String language, String level, boolean technical, int capacity, Instant opensAt,
            Instant closesAt, int completionPercent, String room, String onlineUrl, List<String> targetGroups,
            List<String> competences, Map<String, CourseAdmin.Text> texts) {
    }

    record SessionTime(Instant start, Instant end) {
    }

    /** Title, summary, accessibility notes and (for languages other than German) the room in one language. */
    public static class TextFields {
        private String language;
        private String title = "";
        private String summary = "";
        private String accessibilityNotes = "";
        private String room = "";

        public String getLanguage() { return language; }
        public void setLanguage(String language) { this.language = language; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getSummary() { return summary; }
        public void setSummary(String summary) { this.summary = summary; }
        public String getAccessibilityNotes() { return accessibilityNotes; }
        public void setAccessibilityNotes(String accessibilityNotes) { this.accessibilityNotes = accessibilityNotes; }
        public String getRoom() { return room; }
        public void setRoom(String room) { this.room = room; }

        boolean blank() {
            return isBlank(title) && isBlank(summary) && isBlank(accessibilityNotes) && isBlank(room);
        }
    }

    /**
     * One or many sessions at once: the first date, the times, how many meetings and how often. A single session is a
     * series of one.
     */
    public static class Series {
        private String firstDate = "";
        private String startTime = "";
        private String endTime = "";
        private String count = "1";
        private String every = "WEEK";

        public String getFirstDate() { return firstDate; }
        public void setFirstDate(String firstDate) { this.firstDate = firstDate; }
        public String getStartTime() { return startTime; }
        public void setStartTime(String startTime) { this.startTime = startTime; }
        public String getEndTime() { return endTime; }
        public void setEndTime(String endTime) { this.endTime = endTime; }
        public String getCount() { return count; }
        public void setCount(String count) { this.count = count; }
        public String getEvery() { return every; }
        public void setEvery(String every) { this.every = every; }

        static final List<String> INTERVALS = List.of("DAY", "WEEK", "TWO_WEEKS");

        /** The sessions in Bremen time, or empty with the fields rejected under {@code prefix}. */
        Optional<List<SessionTime>> sessions(Errors errors, String prefix, LocalDate today, ZoneId zone) {
            int before = errors.getErrorCount();
            LocalDate first = null;
            try {
                first = LocalDate.parse(firstDate.strip());
                if (first.isBefore(today)) {
                    errors.rejectValue(prefix + "firstDate", "courseAdmin.error.firstDatePast");
                }
            } catch (DateTimeParseException | NullPointerException e) {
                errors.rejectValue(prefix + "firstDate", "courseAdmin.error.date");
            }
            LocalTime starts = time(startTime, prefix + "startTime", errors);
            LocalTime ends = time(endTime, prefix + "endTime", errors);
            if (starts != null && ends != null && !starts.isBefore(ends)) {
                errors.rejectValue(prefix + "endTime", "courseAdmin.error.timeOrder");
            }
            Integer meetings = number(count, 1, MAX_SESSIONS_AT_ONCE);
            if (meetings == null) {
                errors.rejectValue(prefix + "count", "courseAdmin.error.count", new Object[] {MAX_SESSIONS_AT_ONCE}, null);
            }
            if (!INTERVALS.contains(every)) {
                errors.rejectValue(prefix + "every", "courseAdmin.error.every");
            }
            if (errors.getErrorCount() > before) {
                return Optional.empty();
            }
            List<SessionTime> sessions = new ArrayList<>();
            for (int i = 0; i < meetings; i++) {
                LocalDate day = switch (every) {
                    case "DAY" -> first.plusDays(i);
                    case "TWO_WEEKS" -> first.plusWeeks(2L * i);
                    default -> first.plusWeeks(i);
                };
                sessions.add(new SessionTime(day.atTime(starts).atZone(zone).toInstant(),
                        day.atTime(ends).atZone(zone).toInstant()));
            }
            return Optional.of(sessions);
        }

        private static LocalTime time(String value, String field, Errors errors) {
            try {
                return LocalTime.parse(value.strip());
            } catch (DateTimeParseException | NullPointerException e) {
                errors.rejectValue(field, "courseAdmin.error.time");
                return null;
            }
        }
    }

    private String lab = "";
    private String language = "de";
    private String level = "FOUNDATION";
    private boolean technical;
    private String capacity = "";
    private String registrationOpens = "";
    private String registrationCloses = "";
    private String completionPercent = String.valueOf(DEFAULT_COMPLETION_PERCENT);
    private String room = "";
    private String onlineUrl = "";
    private List<String> targetGroups = new ArrayList<>();
    private List<String> competences = new ArrayList<>();
    private List<TextFields> texts = emptyTexts();
    private Series series = new Series();

    public String getLab() { return lab; }
    public void setLab(String lab) { this.lab = lab; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public boolean isTechnical() { return technical; }
    public void setTechnical(boolean technical) { this.technical = technical; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String capacity) { this.capacity = capacity; }
    public String getRegistrationOpens() { return registrationOpens; }
    public void setRegistrationOpens(String registrationOpens) { this.registrationOpens = registrationOpens; }
    public String getRegistrationCloses() { return registrationCloses; }
    public void setRegistrationCloses(String registrationCloses) { this.registrationCloses = registrationCloses; }
    public String getCompletionPercent() { return completionPercent; }
    public void setCompletionPercent(String completionPercent) { this.completionPercent = completionPercent; }
    public String getRoom() { return room; }
    public void setRoom(String room) { this.room = room; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; }
    public List<String> getTargetGroups() { return targetGroups; }
    public void setTargetGroups(List<String> targetGroups) { this.targetGroups = targetGroups == null ? new ArrayList<>() : targetGroups; }
    public List<String> getCompetences() { return competences; }
    public void setCompetences(List<String> competences) { this.competences = competences == null ? new ArrayList<>() : competences; }
    public List<TextFields> getTexts() { return texts; }
    public void setTexts(List<TextFields> texts) { this.texts = texts; }
    public Series getSeries() { return series; }
    public void setSeries(Series series) { this.series = series; }

    /** The form for an existing course, as stored. */
    static CourseForm of(CourseAdmin.Course course, ZoneId zone) {
        CourseForm form = new CourseForm();
        form.lab = String.valueOf(course.labId());
        form.language = course.language();
        form.level = course.level();
        form.technical = course.technical();
        form.capacity = String.valueOf(course.capacity());
        form.registrationOpens = localInput(course.opensAt(), zone);
        form.registrationCloses = localInput(course.closesAt(), zone);
        form.completionPercent = String.valueOf(course.completionPercent());
        form.room = course.room() == null ? "" : course.room();
        form.onlineUrl = course.onlineUrl() == null ? "" : course.onlineUrl();
        form.targetGroups = new ArrayList<>(course.targetGroups());
        form.competences = new ArrayList<>(course.competences());
        for (TextFields fields : form.texts) {
            CourseAdmin.Text text = course.texts().get(fields.language);
            if (text != null) {
                fields.title = nullToEmpty(text.title());
                fields.summary = nullToEmpty(text.summary());
                fields.accessibilityNotes = nullToEmpty(text.accessibilityNotes());
                fields.room = nullToEmpty(text.room());
            }
        }
        return form;
    }

    /** Checks everything but the sessions; {@code confirmed} is how many already have a seat (0 for a new course). */
    Optional<Input> validate(Errors errors, Set<Long> labIds, int confirmed, ZoneId zone) {
        int before = errors.getErrorCount();
        Long labId = null;
        try {
            labId = Long.valueOf(lab.strip());
        } catch (NumberFormatException | NullPointerException e) {
            // rejected below
        }
        if (labId == null || !labIds.contains(labId)) {
            errors.rejectValue("lab", "courseAdmin.error.lab");
        }
        if (Language.fromTag(language).isEmpty()) {
            errors.rejectValue("language", "courseAdmin.error.language");
        }
        if (!LEVELS.contains(level)) {
            errors.rejectValue("level", "courseAdmin.error.level");
        }
        Integer seats = number(capacity, 1, MAX_CAPACITY);
        if (seats == null) {
            errors.rejectValue("capacity", "courseAdmin.error.capacity", new Object[] {MAX_CAPACITY}, null);
        } else if (seats < confirmed) {
            errors.rejectValue("capacity", "courseAdmin.error.capacityBelowConfirmed", new Object[] {confirmed}, null);
        }
        Integer percent = number(completionPercent, 1, 100);
        if (percent == null) {
            errors.rejectValue("completionPercent", "courseAdmin.error.completionPercent");
        }
        Instant opens = dateTime(registrationOpens, "registrationOpens", zone, errors);
        Instant closes = dateTime(registrationCloses, "registrationCloses", zone, errors);
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            errors.rejectValue("registrationCloses", "courseAdmin.error.windowOrder");
        }
        if (isBlank(room) && isBlank(onlineUrl)) {
            errors.rejectValue("room", "courseAdmin.error.place");
        }
        if (room != null && room.strip().length() > 200) {
            errors.rejectValue("room", "courseAdmin.error.tooLong", new Object[] {200}, null);
        }
        controlCharacters(room, false, "room", errors);
        if (!isBlank(onlineUrl) && !webAddress(onlineUrl.strip())) {
            errors.rejectValue("onlineUrl", "courseAdmin.error.onlineUrl");
        }
        if (!TARGET_GROUPS.containsAll(targetGroups)) {
            errors.rejectValue("targetGroups", "courseAdmin.error.unknownChoice");
        }
        if (!COMPETENCES.containsAll(competences)) {
            errors.rejectValue("competences", "courseAdmin.error.unknownChoice");
        }
        Map<String, CourseAdmin.Text> checkedTexts = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            TextFields fields = texts.get(i);
            if (Language.fromTag(fields.language).filter(Language::ui).isEmpty()) {
                continue;
            }
            boolean german = "de".equals(fields.language);
            String path = "texts[" + i + "].";
            if (german && isBlank(fields.title)) {
                errors.rejectValue(path + "title", "courseAdmin.error.germanTitle");
            }
            if (german && isBlank(fields.summary)) {
                errors.rejectValue(path + "summary", "courseAdmin.error.germanSummary");
            }
            tooLong(fields.title, 160, path + "title", errors);
            tooLong(fields.summary, 2000, path + "summary", errors);
            tooLong(fields.accessibilityNotes, 1000, path + "accessibilityNotes", errors);
            tooLong(fields.room, 200, path + "room", errors);
            controlCharacters(fields.room, false, path + "room", errors);
            controlCharacters(fields.title, false, path + "title", errors);
            controlCharacters(fields.summary, true, path + "summary", errors);
            controlCharacters(fields.accessibilityNotes, true, path + "accessibilityNotes", errors);
            if (!fields.blank()) {
                checkedTexts.put(fields.language, new CourseAdmin.Text(blankToNull(fields.title),
                        blankToNull(fields.summary), blankToNull(fields.accessibilityNotes),
                        german ? null : blankToNull(fields.room)));
            }
        }
        if (errors.getErrorCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new Input(labId, Language.fromTag(language).get().tag(), level, technical, seats, opens, closes,
                percent, blankToNull(room), blankToNull(onlineUrl),
                TARGET_GROUPS.stream().filter(targetGroups::contains).toList(),
                COMPETENCES.stream().filter(competences::contains).toList(), checkedTexts));
    }

    static List<TextFields> emptyTexts() {
        List<TextFields> texts = new ArrayList<>();
        for (Language language : Language.uiLanguages()) {
            TextFields fields = new TextFields();
            fields.language = language.tag();
            texts.add(fields);
        }
        return texts;
    }

    static Integer number(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            return n < min || n > max ? null : n;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static Instant dateTime(String value, String field, ZoneId zone, Errors errors) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "courseAdmin.error.dateTime");
            return null;
        }
    }

    private static String localInput(Instant instant, ZoneId zone) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, zone).toLocalDate() + "T"
                + LocalDateTime.ofInstant(instant, zone).toLocalTime().withSecond(0).withNano(0);
    }

    private static boolean webAddress(String value) {
        if (value.length() > 300) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void controlCharacters(String value, boolean lines, String field, Errors errors) {
        if (!(lines ? TextRules.multiLine(value) : TextRules.singleLine(value)) && !errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "input.error.controlCharacters");
        }
    }

    private static void tooLong(String value, int max, String field, Errors errors) {
        if (value != null && value.strip().length() > max) {
            errors.rejectValue(field, "courseAdmin.error.tooLong", new Object[] {max}, null);
        }
    }

    private static Map<String, List<String>> areas() {
        Map<String, List<String>> areas = new LinkedHashMap<>();
        Competences.AREAS.forEach(area -> areas.put(area.code(), area.competences()));
        return areas;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
