package eu.impactlab.courses;

import java.util.Arrays;
import java.util.Optional;

/** Whom a course is meant for; a course may name several. The keys are stored in course_target_group. */
enum TargetGroup {
    YOUTH, SCHOOL_LEAVERS, JOB_SEEKERS, WOMEN_AND_GIRLS, SENIORS, FAMILIES, NEWCOMERS, SMALL_BUSINESSES;

    public String messageKey() {
        return "courses.targetGroup." + name();
    }

    static Optional<TargetGroup> of(String key) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(key == null ? "" : key.strip())).findFirst();
    }
}
