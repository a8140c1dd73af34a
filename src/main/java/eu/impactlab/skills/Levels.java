package eu.impactlab.skills;

import java.util.Collection;

/**
 * From answers (0 = "I don't know how" … 3 = "confidently, and I can show others") to a level in plain words:
 * 0 just starting, 1 foundation, 2 on my own (intermediate), 3 confident (advanced), after DigComp 2.2's proficiency
 * groups. A competence's level is the mean of its answers, an area's the mean of its competences' means.
 */
final class Levels {

    static final int MAX = 3;

    private Levels() {
    }

    static double mean(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(0);
    }

    static int of(double mean) {
        return mean < 0.5 ? 0 : mean < 1.5 ? 1 : mean < 2.5 ? 2 : 3;
    }

    /** The course level (courses' FOUNDATION …) that trains a competence from this self-assessed level on. */
    static String fittingCourseLevel(int level) {
        return level <= 1 ? "FOUNDATION" : "INTERMEDIATE";
    }

    static String messageKey(int level) {
        return "skills.level." + level;
    }
}
