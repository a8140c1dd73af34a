package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** What the staff tests do again and again: book an appointment, draw a ticket and call it, as people would. */
final class StaffTesting {

    record Booked(long id, String code, LocalDate day, String token) {
    }

    record Ticket(long id, int number) {
    }

    private StaffTesting() {
    }

    /** Books the first free time at the lab in that language, through the same service the booking pages use. */
    static Booked book(ConsultationService consultations, JdbcClient jdbc, String lab, String language, String name) {
        LocalDate today = LocalDate.now(SlotFinder.BREMEN);
        for (Slot slot : consultations.freeSlots(lab, "smartphone", language, today, today.plusDays(20))) {
            if (!slot.offers(Mode.IN_PERSON)) {
                continue;
            }
            BookingOutcome outcome = consultations.book(new BookingRequest(lab, "smartphone", language,
                    slot.start().toOffsetDateTime(), Mode.IN_PERSON, name, null, null, true, "de", null));
            if (outcome instanceof BookingOutcome.Booked booked) {
                long id = jdbc.sql("select id from appointment where code = ?").param(booked.appointment().code())
                        .query(Long.class).single();
                return new Booked(id, booked.appointment().code(), slot.start().toLocalDate(), booked.manageToken());
            }
        }
        return fail("no free time to book at " + lab + " in " + language);
    }

    static Ticket draw(MockMvc mvc, JdbcClient jdbc, MockHttpSession staff, String lab, String topic, String language)
            throws Exception {
        String key = UUID.randomUUID().toString();
        MvcResult drawn = mvc.perform(post("/staff/labs/" + lab + "/tickets").session(staff).with(csrf())
                        .param("topic", topic).param("language", language).param("key", key))
                .andExpect(status().is3xxRedirection()).andReturn();
        int number = (Integer) drawn.getFlashMap().get("drawn");
        long id = jdbc.sql("select id from walk_in_ticket where request_key = ?").param(key).query(Long.class).single();
        return new Ticket(id, number);
    }

    /** Calls the next number until it is this ticket (other tests may have left people waiting). */
    static void callUntil(MockMvc mvc, MockHttpSession staff, String lab, Ticket ticket) throws Exception {
        for (int i = 0; i < 500; i++) {
            MvcResult called = mvc.perform(post("/staff/labs/" + lab + "/call-next").session(staff).with(csrf())
                            .param("key", UUID.randomUUID().toString()))
                    .andExpect(status().is3xxRedirection()).andReturn();
            Object number = called.getFlashMap().get("called");
            assertThat(number).as("a waiting ticket was called").isNotNull();
            if (number.equals(ticket.number())) {
                return;
            }
        }
        fail("ticket " + ticket.number() + " was never called");
    }
}
