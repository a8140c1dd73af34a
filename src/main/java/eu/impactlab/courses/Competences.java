package eu.impactlab.courses;

import java.util.List;

/**
 * The DigComp 2.2 competences (src/main/resources/reference/digcomp-2.2.csv, compared by CompetencesReferenceTest):
 * five areas, 21 competences. Their titles are in the courses message bundle (courses.digcomp.1.1,
 * courses.digcomp.area.1), so they read well in every UI language.
 */
final class Competences {

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

    static final List<String> ALL = AREAS.stream().flatMap(a -> a.competences().stream()).toList();

    private Competences() {
    }

    static boolean known(String code) {
        return code != null && ALL.contains(code);
    }

    static String messageKey(String code) {
        return "courses.digcomp." + code;
    }

    static String areaKey(String code) {
        return "courses.digcomp.area." + code.substring(0, code.indexOf('.'));
    }
}
