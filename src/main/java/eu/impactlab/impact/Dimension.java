package eu.impactlab.impact;

import java.util.Arrays;
import java.util.Optional;

/** What figures can be broken down by, with the request parameter name and the SQL that gives the key. */
enum Dimension {
    LAB("lab", "f.lab_id::text"),
    WEEK("week", "date_trunc('week', f.day)::date::text"),
    MONTH("month", "date_trunc('month', f.day)::date::text"),
    QUARTER("quarter", "date_trunc('quarter', f.day)::date::text"),
    YEAR("year", "date_trunc('year', f.day)::date::text"),
    ACTIVITY("activity", "f.activity"),
    TOPIC("topic", "coalesce(v.value, '-')"),
    TARGET_GROUP("targetGroup", "coalesce(v.value, '-')"),
    LANGUAGE("language", "coalesce(f.language, '-')"),
    AGE_BAND("ageBand", "f.age_band"),
    GENDER("gender", "f.gender"),
    STADTTEIL("stadtteil", "f.stadtteil"),
    STADTBEZIRK("stadtbezirk", "f.stadtbezirk");

    private final String param;
    private final String sql;

    Dimension(String param, String sql) {
        this.param = param;
        this.sql = sql;
    }

    String param() {
        return param;
    }

    String sql() {
        return sql;
    }

    boolean period() {
        return this == WEEK || this == MONTH || this == QUARTER || this == YEAR;
    }

    /** A fact can carry several values (topics of a consultation, target groups of a course). */
    boolean multiValued() {
        return this == TOPIC || this == TARGET_GROUP;
    }

    String unnest() {
        return switch (this) {
            case TOPIC -> " left join lateral unnest(f.topics) v(value) on true";
            case TARGET_GROUP -> " left join lateral unnest(f.target_groups) v(value) on true";
            default -> "";
        };
    }

    static Optional<Dimension> fromParam(String value) {
        return Arrays.stream(values()).filter(d -> d.param.equals(value)).findFirst();
    }
}
