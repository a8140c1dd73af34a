package eu.impactlab.labs;

import eu.impactlab.platform.DemoDataPolicy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The three demo labs, created once on an empty database when demo data is wanted. Addresses are marked as demo. */
@Component
@Order(10)
class LabDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LabDemoData.class);

    private final LabRepository labs;
    private final DemoDataPolicy policy;
    private final LabService service;

    LabDemoData(LabRepository labs, DemoDataPolicy policy, LabService service) {
        this.labs = labs;
        this.policy = policy;
        this.service = service;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!policy.seedDemoData() || labs.count() > 0) {
            return;
        }
        LocalDate today = service.today();

        Lab west = lab("groepelingen", "Digital Impact Lab Gröpelingen", "Lindenhofstraße 53", "28237", "West", "Gröpelingen",
                List.of("de", "en", "tr", "ar", "ku", "bg", "ro", "pl"),
                EnumSet.of(AccessibilityFeature.STEP_FREE_ENTRANCE, AccessibilityFeature.ACCESSIBLE_TOILET,
                        AccessibilityFeature.HEARING_LOOP, AccessibilityFeature.SEATING_AREA,
                        AccessibilityFeature.HEIGHT_ADJUSTABLE_DESK, AccessibilityFeature.GUIDE_DOGS_WELCOME),
                EnumSet.allOf(Offer.class));
        weekdays(west, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), "10:00", "18:00");
        west.openingHours.add(new Lab.Period(3, LocalTime.of(10, 0), LocalTime.of(13, 0)));
        west.openingHours.add(new Lab.Period(3, LocalTime.of(14, 0), LocalTime.of(19, 0)));
        west.openingHours.add(new Lab.Period(6, LocalTime.of(10, 0), LocalTime.of(14, 0)));
        west.phone = "0421 000 0001";
        west.email = "groepelingen@impactlab.invalid";
        texts(west, DemoTexts.GROEPELINGEN);

        Lab nord = lab("vegesack", "Digital Impact Lab Vegesack", "Am Bahnhof 1 (Bahnhof Vegesack)", "28757", "Nord", "Vegesack",
                List.of("de", "en", "ru", "uk", "pl", "tr"),
                EnumSet.of(AccessibilityFeature.STEP_FREE_ENTRANCE, AccessibilityFeature.LIFT,
                        AccessibilityFeature.ACCESSIBLE_TOILET, AccessibilityFeature.SCREEN_READER_PC),
                EnumSet.of(Offer.CONSULTATION, Offer.WALK_IN, Offer.COURSES, Offer.PUBLIC_COMPUTERS, Offer.LOAN_DEVICES));
        weekdays(nord, List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "09:00", "16:00");
        weekdays(nord, List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "12:00", "19:00");
        nord.phone = "0421 000 0002";
        nord.email = "vegesack@impactlab.invalid";
        // One closure day in the coming weeks: the team's training day, Wednesday next week.
        LocalDate teamDay = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(DayOfWeek.WEDNESDAY);
        nord.exceptions.add(new Lab.DayException(teamDay, true, null, null, ClosureReason.TEAM_DAY));
        texts(nord, DemoTexts.VEGESACK);

        Lab ost = lab("osterholz", "Digital Impact Lab Osterholz-Tenever", "Otto-Brenner-Allee 44", "28325", "Ost", "Osterholz",
                List.of("de", "en", "ar", "fa", "ru", "tr", "ku"),
                EnumSet.of(AccessibilityFeature.STEP_FREE_ENTRANCE, AccessibilityFeature.ACCESSIBLE_PARKING,
                        AccessibilityFeature.QUIET_ROOM, AccessibilityFeature.SEATING_AREA),
                EnumSet.of(Offer.CONSULTATION, Offer.WALK_IN, Offer.COURSES, Offer.MAKERSPACE, Offer.PARTNER_SUPPORT));
        weekdays(ost, List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), "11:00", "18:00");
        weekdays(ost, List.of(DayOfWeek.FRIDAY), "10:00", "15:00");
        weekdays(ost, List.of(DayOfWeek.SATURDAY), "11:00", "15:00");
        ost.phone = "0421 000 0003";
        ost.email = "osterholz@impactlab.invalid";
        texts(ost, DemoTexts.OSTERHOLZ);

        labs.saveAll(List.of(west, nord, ost));
        log.info("Demo data: created the labs groepelingen, vegesack and osterholz (demo addresses)");
    }

    private static Lab lab(String slug, String name, String street, String postalCode, String bezirk, String stadtteil,
            List<String> languages, EnumSet<AccessibilityFeature> accessibility, EnumSet<Offer> offers) {
        Lab lab = new Lab(slug, name, street, postalCode, bezirk, stadtteil);
        lab.demo = true;
        lab.languages.addAll(languages);
        lab.accessibility.addAll(accessibility);
        lab.offers.addAll(offers);
        return lab;
    }

    private static void weekdays(Lab lab, List<DayOfWeek> days, String opens, String closes) {
        for (DayOfWeek day : days) {
            lab.openingHours.add(new Lab.Period(day.getValue(), LocalTime.parse(opens), LocalTime.parse(closes)));
        }
    }

    private static void texts(Lab lab, Map<String, String[]> texts) {
        texts.forEach((language, t) -> lab.texts.put(language, new Lab.Text(t[0], t[1])));
    }
}
