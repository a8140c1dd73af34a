package eu.impactlab.partners;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fixed lists of the partner forms: fixed values instead of free text, so nothing personal slips in. */
final class Choices {

    enum Kind { WORKSHOP, GROUP_CONSULTATION, REMOTE_SUPPORT, LAB_VISIT, DEVICE_LOAN }

    enum Place { LAB, ON_SITE, ONLINE }

    enum AgeBand { UNDER_12, AGE_12_17, AGE_18_26, AGE_27_64, AGE_65_PLUS }

    enum Access { WHEELCHAIR, HEARING, SIGHT, EASY_LANGUAGE, SIGN_LANGUAGE }

    enum DeviceType { TABLET, LAPTOP, SMARTPHONE, VR_HEADSET, OTHER }

    enum OrganisationKind { SCHOOL, YOUTH_CENTRE, SENIOR_CLUB, MIGRANT_ASSOCIATION, SOCIO_CULTURAL_CENTRE,
        NEIGHBOURHOOD_NETWORK, LOCAL_BUSINESS }

    enum CancelReason { PARTNER, LAB, NOBODY_CAME, FORCE_MAJEURE }

    private Choices() {
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst();
    }

    /** A comma list from the database, e.g. "AGE_65_PLUS,AGE_27_64", as names. */
    static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.split(","));
    }
}
