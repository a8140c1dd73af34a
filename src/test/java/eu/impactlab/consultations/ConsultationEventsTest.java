package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import eu.impactlab.labs.LabService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** What the impact module learns about appointments: booked, cancelled, missed, and the citizen's one answer. */
@RecordApplicationEvents
class ConsultationEventsTest extends AbstractIntegrationTest {

    @Autowired
    ConsultationService consultations;

    @Autowired
    LabService labs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void bookingAndCancellingPublishAnonymousEvents() {
        StaffTesting.Booked booked = StaffTesting.book(consultations, jdbc, "groepelingen", "ar", "Rania");
        long lab = labs.idOf("groepelingen").orElseThrow();

        assertThat(events.stream(AppointmentBooked.class)).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isNotNull();
            assertThat(e).usingRecursiveComparison().ignoringFields("eventId")
                    .isEqualTo(new AppointmentBooked(null, booked.day(), lab, "smartphone", "ar", Mode.IN_PERSON));
        });
        assertThat(consultations.cancel(booked.token())).isTrue();
        assertThat(consultations.cancel(booked.token())).isFalse();
        assertThat(events.stream(AppointmentCancelled.class)).singleElement()
                .usingRecursiveComparison().ignoringFields("eventId")
                .isEqualTo(new AppointmentCancelled(null, booked.day(), lab, "smartphone", "ar"));
    }

    @Test
    void aNoShowIsPublishedOnce() throws Exception {
        StaffTesting.Booked booked = StaffTesting.book(consultations, jdbc, "groepelingen", "tr", "Murat");
        MockHttpSession helper = Logins.as(mvc, "helper");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/staff/appointments/" + booked.id() + "/no-show").session(helper).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(events.stream(AppointmentMissed.class)).singleElement()
                .usingRecursiveComparison().ignoringFields("eventId")
                .isEqualTo(new AppointmentMissed(null, booked.day(), labs.idOf("groepelingen").orElseThrow(), "smartphone", "tr"));
    }

    @Test
    void afterTheHelpTheManagePageAsksOnceWhetherItHelped() throws Exception {
        StaffTesting.Booked booked = StaffTesting.book(consultations, jdbc, "groepelingen", "de", "Olena");
        String manage = "/appointments/" + booked.token();
        // Before the help took place there is nothing to answer.
        assertThat(page(manage, "uk")).doesNotContain("name=\"score\"");
        mvc.perform(post(manage + "/feedback").param("score", "5")).andExpect(status().is3xxRedirection());
        assertThat(events.stream(ConsultationFeedbackGiven.class)).isEmpty();

        MockHttpSession helper = Logins.as(mvc, "helper2");
        mvc.perform(post("/staff/appointments/" + booked.id() + "/arrived").session(helper).with(csrf()));
        mvc.perform(post("/staff/appointments/" + booked.id() + "/done").session(helper).with(csrf()));

        assertThat(page(manage, "uk")).contains("Чи допомогла Вам консультація?", "name=\"score\"", "Дуже багато");
        // The same five answers, in the same words, as the course feedback (ManageLinkTest): one scale for the impact figure.
        assertThat(page(manage, "de")).contains("Hat Ihnen der Termin geholfen?", ">Gar nicht<", ">Wenig<", ">Etwas<",
                ">Viel<", ">Sehr viel<");
        // No answer chosen: asked again, nothing counted.
        mvc.perform(post(manage + "/feedback")).andExpect(status().is3xxRedirection());
        assertThat(events.stream(ConsultationFeedbackGiven.class)).isEmpty();

        mvc.perform(post(manage + "/feedback").param("score", "4")).andExpect(status().is3xxRedirection());
        mvc.perform(post(manage + "/feedback").param("score", "1")).andExpect(status().is3xxRedirection());
        assertThat(events.stream(ConsultationFeedbackGiven.class)).singleElement()
                .satisfies(e -> assertThat(e.score()).isEqualTo(4))
                .satisfies(e -> assertThat(e.topic()).isEqualTo("smartphone"));
        assertThat(page(manage, "uk")).doesNotContain("name=\"score\"");
    }

    private String page(String url, String lang) throws Exception {
        return mvc.perform(get(url).param("lang", lang)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
