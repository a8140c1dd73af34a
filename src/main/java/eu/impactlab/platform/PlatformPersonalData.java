package eu.impactlab.platform;

import java.util.List;

/** The platform's tables keep no personal data: events carry ids and values from fixed lists only. */
@org.springframework.stereotype.Component
class PlatformPersonalData implements PersonalData.Declaration {

    @Override
    public List<PersonalData.Use> uses() {
        return List.of();
    }

    @Override
    public List<PersonalData.NotPersonal> notPersonal() {
        return List.of(new PersonalData.NotPersonal("event_publication", "serialized_event",
                "events between modules carry ids, days and values from fixed lists, never a name or contact"),
                new PersonalData.NotPersonal("data_version", "name", "the name of a kind of data (labs, topics)"));
    }
}
