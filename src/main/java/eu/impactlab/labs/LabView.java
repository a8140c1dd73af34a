package eu.impactlab.labs;

import java.util.List;
import java.util.Set;

/**
 * A lab as the public and other modules see it, with its texts in one language (German as fallback); each text
 * carries the language it is really in, so a page can say when a text fell back to German.
 */
public record LabView(
        long id,
        String slug,
        String name,
        String street,
        String postalCode,
        String city,
        String stadtbezirk,
        String stadtteil,
        String phone,
        String email,
        String description,
        String directions,
        Language descriptionLanguage,
        Language directionsLanguage,
        List<Language> languages,
        Set<AccessibilityFeature> accessibility,
        Set<Offer> offers,
        boolean demo) {

    public String address() {
        return street + ", " + postalCode + " " + city;
    }
}
