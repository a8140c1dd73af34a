package eu.impactlab.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.ReferenceData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** BremenDistricts keeps Bremen's districts in Java; they must be the ones in reference/bremen-districts.csv. */
class BremenDistrictsReferenceTest {

    private final List<Map<String, String>> rows = ReferenceData.csv("bremen-districts.csv");

    @Test
    void everyStadtbezirkHasTheStadtteileAndOrtsteileOfTheReferenceFile() {
        Map<String, TreeSet<String>> fromFile = new TreeMap<>();
        for (Map<String, String> row : rows) {
            String name = row.get("stadtteil").isEmpty() ? row.get("ortsteile_directly_under_bezirk") : row.get("stadtteil");
            fromFile.computeIfAbsent(row.get("stadtbezirk"), bezirk -> new TreeSet<>()).add(name);
        }
        Map<String, TreeSet<String>> inJava = new TreeMap<>();
        BremenDistricts.GROUPS.forEach(group -> inJava.put(group.stadtbezirk(), new TreeSet<>(group.stadtteile())));

        assertThat(inJava).isEqualTo(fromFile);
        assertThat(BremenDistricts.ALL).hasSize(23);
    }

    @Test
    void theOrtsteileShownBesideAStadtteilAreTheOnesTheNotesName() {
        String notes = ReferenceData.text("reference/bremen-notes.md").replaceAll("\\s+", " ");

        assertThat(notes).contains("Osterholz includes the Ortsteil Tenever");
        assertThat(BremenDistricts.label("Osterholz")).isEqualTo("Osterholz (Tenever)");
        assertThat(notes).contains("Blumenthal includes Blumenthal, Lüssum-Bockhorn, Rönnebeck, Farge, Rekum");
        assertThat(BremenDistricts.label("Blumenthal")).isEqualTo("Blumenthal (Lüssum-Bockhorn, Rönnebeck, Farge, Rekum)");
    }

    @Test
    void theDatabaseAcceptsExactlyTheseDistricts() {
        String migration = ReferenceData.text("db/migration/V7__consultations_queue_outcomes.sql");
        String check = migration.substring(migration.indexOf("CHECK (stadtteil IN ("), migration.indexOf("first_visit"));

        TreeSet<String> accepted = new TreeSet<>();
        Matcher quoted = Pattern.compile("'([^']+)'").matcher(check);
        while (quoted.find()) {
            accepted.add(quoted.group(1));
        }
        TreeSet<String> known = new TreeSet<>(BremenDistricts.ALL);
        known.add(BremenDistricts.OUTSIDE_BREMEN);
        known.add(BremenDistricts.NOT_STATED);
        assertThat(accepted).isEqualTo(known);
    }
}
