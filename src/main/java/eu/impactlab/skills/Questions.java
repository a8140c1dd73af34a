package eu.impactlab.skills;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The self-check's "I can …" statements, written for this project: three per DigComp competence ({@code 1.1-a} …
 * {@code 5.4-c}); the short check asks the first of each, the full check all three, a course's check all three of the
 * course's competences. Their texts are in the skills bundle ({@code skills.q.1.1-a}).
 */
final class Questions {

    /** The version of this item set, stored with every self-check so results stay comparable. */
    static final String ITEM_SET = "impactlab-2026-1";
    static final List<String> VARIANTS = List.of("a", "b", "c");

    record Question(String id, String competence) {
        public String area() {
            return Framework.areaOf(competence);
        }

        public String messageKey() {
            return "skills.q." + id;
        }
    }

    enum Mode {
        SHORT, FULL, COURSE;

        static Optional<Mode> of(String value) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    private Questions() {
    }

    static final List<Question> ALL = Framework.COMPETENCES.stream()
            .flatMap(c -> VARIANTS.stream().map(v -> new Question(c + "-" + v, c))).toList();

    static List<Question> of(Mode mode, Collection<String> courseCompetences) {
        return switch (mode) {
            case SHORT -> ALL.stream().filter(q -> q.id().endsWith("-a")).toList();
            case FULL -> ALL;
            case COURSE -> ALL.stream().filter(q -> courseCompetences.contains(q.competence())).toList();
        };
    }

    static Optional<Question> byId(String id) {
        return ALL.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
