package eu.impactlab.labs;

import eu.impactlab.platform.PersonalData;
import eu.impactlab.platform.PersonalData.NotPersonal;
import eu.impactlab.platform.PersonalData.Use;
import java.util.List;

/** Labs keep no personal data: their names, addresses and contacts are the institution's, published on purpose. */
@org.springframework.stereotype.Component
class LabsPersonalData implements PersonalData.Declaration {

    private static final String PUBLIC = "the lab's public contact, an institution's, not a person's";

    @Override
    public List<Use> uses() {
        return List.of();
    }

    @Override
    public List<NotPersonal> notPersonal() {
        return List.of(
                new NotPersonal("lab", "name", PUBLIC),
                new NotPersonal("lab", "street", PUBLIC),
                new NotPersonal("lab", "stadtteil", PUBLIC),
                new NotPersonal("lab", "phone", PUBLIC),
                new NotPersonal("lab", "email", PUBLIC),
                new NotPersonal("lab_text", "description", "the lab's public description"),
                new NotPersonal("lab_text", "directions", "the lab's public directions"));
    }
}
