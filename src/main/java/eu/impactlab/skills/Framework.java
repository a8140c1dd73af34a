package eu.impactlab.skills;

import java.util.List;

/**
 * The DigComp 2.2 areas and competences (src/main/resources/reference/digcomp-2.2.csv, compared by
 * FrameworkReferenceTest), stored with every self-check so a later framework version can sit beside it.
 */
final class Framework {

    static final String VERSION = "DigComp 2.2";

    record Area(String code, List<String> competences) {
        public String messageKey() {
            return "courses.digcomp.area." + code;
        }
    }

    static final List<Area> AREAS = List.of(
            new Area("1", List.of("1.1", "1.2", "1.3")),
            new Area("2", List.of("2.1", "2.2", "2.3", "2.4", "2.5", "2.6")),
            new Area("3", List.of("3.1", "3.2", "3.3", "3.4")),
            new Area("4", List.of("4.1", "4.2", "4.3", "4.4")),
            new Area("5", List.of("5.1", "5.2", "5.3", "5.4")));

    static final List<String> COMPETENCES = AREAS.stream().flatMap(a -> a.competences().stream()).toList();

    private Framework() {
    }

    static String areaOf(String competence) {
        return competence.substring(0, competence.indexOf('.'));
    }

    static String titleKey(String competence) {
        return "courses.digcomp." + competence;
    }
}
