package eu.impactlab.impact;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.NotPersonal;
import eu.impactlab.platform.PersonalData.Use;
import java.util.List;

/** Impact keeps no personal data: its facts carry no person id, name, contact or free text, only values from lists. */
@org.springframework.stereotype.Component
class ImpactPersonalData implements PersonalData.Declaration {

    private static final String ANONYMOUS = "an anonymous fact from a fixed list, linked to no person";

    @Override
    public List<Use> uses() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("impact_fact", "age_band", ANONYMOUS),
                new NotPersonal("impact_fact", "gender", ANONYMOUS),
                new NotPersonal("impact_fact", "stadtteil", ANONYMOUS),
                new NotPersonal("impact_participation_fact", "answer", "the state of a public answer to an idea, no text"),
                new NotPersonal("impact_partner_reach", "stadtteil", "the Stadtteil of a partner organisation, not of a person"));
    }
}
