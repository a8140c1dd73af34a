package eu.impactlab.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where visitors live, for anonymous outcomes: the 19 Stadtteile of the city of Bremen and the 4 Ortsteile directly
 * under a Stadtbezirk (src/main/resources/reference/bremen-districts.csv, compared by BremenDistrictsReferenceTest),
 * grouped by Stadtbezirk, plus "outside Bremen" and "not stated". The database checks the same list.
 */
public final class BremenDistricts {

    public static final String OUTSIDE_BREMEN = "OUTSIDE_BREMEN";
    public static final String NOT_STATED = "NOT_STATED";

    public record Group(String stadtbezirk, List<String> stadtteile) {
    }

    public static final List<Group> GROUPS = List.of(
            new Group("Mitte", List.of("Häfen", "Mitte")),
            new Group("Süd", List.of("Huchting", "Neustadt", "Obervieland", "Seehausen", "Strom", "Woltmershausen")),
            new Group("Ost", List.of("Borgfeld", "Hemelingen", "Horn-Lehe", "Oberneuland", "Osterholz",
                    "Östliche Vorstadt", "Schwachhausen", "Vahr")),
            new Group("West", List.of("Blockland", "Findorff", "Gröpelingen", "Walle")),
            new Group("Nord", List.of("Blumenthal", "Burglesum", "Vegesack")));

    /** Ortsteile that people name instead of their Stadtteil, shown beside it so staff find the right one. */
    private static final Map<String, String> INCLUDES = Map.of(
            "Osterholz", "Tenever",
            "Blumenthal", "Lüssum-Bockhorn, Rönnebeck, Farge, Rekum");

    public static final Set<String> ALL = GROUPS.stream().flatMap(g -> g.stadtteile().stream()).collect(Collectors.toUnmodifiableSet());

    private BremenDistricts() {
    }

    public static boolean known(String value) {
        return ALL.contains(value) || OUTSIDE_BREMEN.equals(value) || NOT_STATED.equals(value);
    }

    /** The Stadtbezirk of a Stadtteil, or the value itself for OUTSIDE_BREMEN and NOT_STATED. */
    public static String stadtbezirkOf(String stadtteil) {
        return GROUPS.stream().filter(g -> g.stadtteile().contains(stadtteil)).map(Group::stadtbezirk).findFirst()
                .orElse(stadtteil);
    }

    /** The name as shown in the list, with the Ortsteile it includes where people might not know the Stadtteil. */
    public static String label(String stadtteil) {
        String includes = INCLUDES.get(stadtteil);
        return includes == null ? stadtteil : stadtteil + " (" + includes + ")";
    }
}
