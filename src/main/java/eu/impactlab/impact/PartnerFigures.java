package eu.impactlab.impact;

import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The funders' figures of the labs' partner work for a period and the labs they may see: offers delivered by kind,
 * participants by kind, age band and the partners' Stadtteil, offers per language used, first-timers and devices lent.
 * Every table goes through the dashboard's small-number suppression ("•"). Read from the reporting database (a replica
 * when one is configured), like every figure.
 */
@Component
class PartnerFigures {

    static final List<String> KINDS = List.of("WORKSHOP", "GROUP_CONSULTATION", "REMOTE_SUPPORT", "LAB_VISIT", "DEVICE_LOAN");
    static final List<String> AGES = List.of("under_12", "age_12_17", "age_18_26", "age_27_64", "age_65_plus");
    private static final List<String> AGE_KEYS = List.of("UNDER_12", "AGE_12_17", "AGE_18_26", "AGE_27_64", "AGE_65_PLUS");

    record Figures(List<ParticipationFigures.Grid> grids, long offers) {
    }

    /** One reported offer, as the figures need it. */
    private record Reach(long labId, String kind, String stadtteil, long participants, long firstTime, long[] ages,
            String languages, long devicesLent) {
    }

    private final JdbcClient jdbc;

    PartnerFigures(ReportingDatabase reporting) {
        this.jdbc = reporting.jdbcClient();
    }

    Figures figures(LocalDate from, LocalDate to, List<LabView> labs, String totalLabel) {
        List<Long> ids = labs.stream().map(LabView::id).toList();
        List<Reach> reach = ids.isEmpty() ? List.of() : jdbc.sql("""
                select lab_id, kind, stadtteil, participants, first_time, under_12, age_12_17, age_18_26, age_27_64,
                       age_65_plus, languages, devices_lent
                from impact_partner_reach where day between :from and :to and lab_id in (:labs)""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("labs", ids)
                .query((rs, i) -> {
                    long[] ages = new long[AGES.size()];
                    for (int a = 0; a < ages.length; a++) {
                        ages[a] = rs.getLong(AGES.get(a));
                    }
                    return new Reach(rs.getLong("lab_id"), rs.getString("kind"), rs.getString("stadtteil"),
                            rs.getLong("participants"), rs.getLong("first_time"), ages, rs.getString("languages"),
                            rs.getLong("devices_lent"));
                }).list();
        List<String> columns = new ArrayList<>(labs.stream().map(LabView::name).toList());
        columns.add(totalLabel);

        long[][] offers = new long[KINDS.size()][ids.size()];
        long[][] people = new long[KINDS.size()][ids.size()];
        long[][] ages = new long[AGES.size()][ids.size()];
        long[][] more = new long[2][ids.size()];
        Map<String, long[]> byPlace = new TreeMap<>();
        Map<String, long[]> byLanguage = new TreeMap<>();
        for (Reach r : reach) {
            int c = ids.indexOf(r.labId());
            int k = KINDS.indexOf(r.kind());
            if (c < 0 || k < 0) {
                continue;
            }
            offers[k][c]++;
            people[k][c] += r.participants();
            for (int a = 0; a < AGES.size(); a++) {
                ages[a][c] += r.ages()[a];
            }
            more[0][c] += r.firstTime();
            more[1][c] += r.devicesLent();
            byPlace.computeIfAbsent(r.stadtteil(), p -> new long[ids.size()])[c] += r.participants();
            for (String language : r.languages().split(",")) {
                if (!language.isBlank()) {
                    byLanguage.computeIfAbsent(language.strip(), l -> new long[ids.size()])[c]++;
                }
            }
        }
        List<ParticipationFigures.Grid> grids = new ArrayList<>();
        List<String> kindKeys = KINDS.stream().map(k -> "partners.kind." + k).toList();
        grids.add(ParticipationFigures.grid("offers", columns, kindKeys, offers, true));
        grids.add(ParticipationFigures.grid("participants", columns, kindKeys, people, true));
        grids.add(ParticipationFigures.grid("ages", columns, AGE_KEYS.stream().map(a -> "partners.age." + a).toList(), ages, true));
        grids.add(named("places", columns, byPlace, PartnerFigures::placeName));
        grids.add(named("languages", columns, byLanguage,
                tag -> Language.fromTag(tag).map(Language::nativeName).orElse(tag)));
        grids.add(ParticipationFigures.grid("more", columns,
                List.of("partners.figures.firstTime", "partners.figures.devicesLent"), more, false));
        return new Figures(grids, reach.size());
    }

    private static ParticipationFigures.Grid named(String id, List<String> columns, Map<String, long[]> rows,
            java.util.function.Function<String, String> name) {
        if (rows.isEmpty()) {
            return new ParticipationFigures.Grid(id, columns, List.of());
        }
        List<String> keys = new ArrayList<>(rows.keySet());
        long[][] parts = rows.values().toArray(new long[0][]);
        // A row whose name is a message (outside Bremen, not stated) has no literal; the others are shown as named.
        List<String> literals = keys.stream().map(name).toList();
        List<String> labelKeys = keys.stream().map(k -> "outcome.stadtteil." + k).toList();
        // The total row of a language table would count an offer once per language: it is left out.
        return ParticipationFigures.grid(id, columns, labelKeys, literals, parts, !"languages".equals(id));
    }

    private static String placeName(String stadtteil) {
        if (BremenDistricts.OUTSIDE_BREMEN.equals(stadtteil) || BremenDistricts.NOT_STATED.equals(stadtteil)) {
            return null;
        }
        return BremenDistricts.known(stadtteil) ? BremenDistricts.label(stadtteil) : stadtteil;
    }
}
