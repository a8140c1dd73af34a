package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.ReferenceData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The topics a new installation starts with are seeded by a migration; they must be those of reference/consultation-topics.csv. */
class TopicSeedReferenceTest {

    @Test
    void theMigrationSeedsEveryTopicOfTheReferenceFileWithItsMinutesAndTitles() {
        String migration = ReferenceData.text("db/migration/V4__consultations_topics.sql");
        var rows = ReferenceData.csv("consultation-topics.csv");
        assertThat(rows).hasSize(10);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String key = row.get("key");
            assertThat(migration).contains("('" + key + "', " + row.get("typical_minutes") + ", " + (i + 1) + ")");
            assertThat(migration).contains("('" + key + "', 'de', '" + sql(row.get("title_de")) + "')");
            assertThat(migration).contains("('" + key + "', 'en', '" + sql(row.get("title_en")) + "')");
        }
    }

    private static String sql(String text) {
        return text.replace("'", "''");
    }
}
