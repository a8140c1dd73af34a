package eu.impactlab.labs;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Entity
@Table(name = "lab")
class Lab {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String slug;
    String name;
    String street;
    @Column(name = "postal_code")
    String postalCode;
    String city;
    String stadtbezirk;
    String stadtteil;
    String phone;
    String email;
    boolean demo;

    @Version
    long version;

    @ElementCollection
    @CollectionTable(name = "lab_text", joinColumns = @JoinColumn(name = "lab_id"))
    @MapKeyColumn(name = "language")
    Map<String, Text> texts = new HashMap<>();

    @ElementCollection
    @CollectionTable(name = "lab_language", joinColumns = @JoinColumn(name = "lab_id"))
    @Column(name = "language")
    Set<String> languages = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "lab_accessibility", joinColumns = @JoinColumn(name = "lab_id"))
    @Column(name = "feature")
    @Enumerated(EnumType.STRING)
    Set<AccessibilityFeature> accessibility = EnumSet.noneOf(AccessibilityFeature.class);

    @ElementCollection
    @CollectionTable(name = "lab_offer", joinColumns = @JoinColumn(name = "lab_id"))
    @Column(name = "offer")
    @Enumerated(EnumType.STRING)
    Set<Offer> offers = EnumSet.noneOf(Offer.class);

    @ElementCollection
    @CollectionTable(name = "lab_opening_hours", joinColumns = @JoinColumn(name = "lab_id"))
    List<Period> openingHours = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "lab_exception", joinColumns = @JoinColumn(name = "lab_id"))
    List<DayException> exceptions = new ArrayList<>();

    protected Lab() {
    }

    Lab(String slug, String name, String street, String postalCode, String stadtbezirk, String stadtteil) {
        this.slug = slug;
        this.name = name;
        this.street = street;
        this.postalCode = postalCode;
        this.city = "Bremen";
        this.stadtbezirk = stadtbezirk;
        this.stadtteil = stadtteil;
    }

    /** The text in the wanted language, falling back to German field by field. */
    Text text(Language language) {
        Text german = texts.getOrDefault(Language.DE.tag(), new Text("", ""));
        Text wanted = texts.get(language.tag());
        if (wanted == null) {
            return german;
        }
        return new Text(
                wanted.description.isBlank() ? german.description : wanted.description,
                wanted.directions.isBlank() ? german.directions : wanted.directions);
    }

    @Embeddable
    static class Text {
        @Column(length = 2000)
        String description = "";
        @Column(length = 2000)
        String directions = "";

        protected Text() {
        }

        Text(String description, String directions) {
            this.description = description == null ? "" : description;
            this.directions = directions == null ? "" : directions;
        }
    }

    @Embeddable
    static class Period {
        @Column(name = "day_of_week")
        short dayOfWeek;
        LocalTime opens;
        LocalTime closes;

        protected Period() {
        }

        Period(int dayOfWeek, LocalTime opens, LocalTime closes) {
            this.dayOfWeek = (short) dayOfWeek;
            this.opens = opens;
            this.closes = closes;
        }
    }

    @Embeddable
    static class DayException {
        LocalDate day;
        boolean closed;
        LocalTime opens;
        LocalTime closes;
        @Enumerated(EnumType.STRING)
        ClosureReason reason;

        protected DayException() {
        }

        DayException(LocalDate day, boolean closed, LocalTime opens, LocalTime closes, ClosureReason reason) {
            this.day = day;
            this.closed = closed;
            this.opens = closed ? null : opens;
            this.closes = closed ? null : closes;
            this.reason = reason;
        }
    }
}
