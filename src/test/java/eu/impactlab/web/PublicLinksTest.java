package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** On a random port and without IMPACTLAB_BASE_URL, the links in answers lead back to this very server. */
class PublicLinksTest extends AbstractIntegrationTest {

    @Autowired
    ObjectMapper json;

    @Test
    void anApiBookingLinksToTheAddressItWasMadeOnAndTheLinksWork() throws Exception {
        Http http = new Http(baseUrl());
        LocalDate today = LocalDate.now();
        JsonNode slots = json.readTree(http.get("/api/v1/labs/osterholz/slots?topic=smartphone&language=de&from=" + today
                + "&to=" + today.plusDays(14), "Accept", "application/json").body());
        String start = slots.get(slots.size() - 1).get("start").asString();
        HttpResponse<String> booked = http.postJson("/api/v1/appointments", """
                {"lab":"osterholz","topic":"smartphone","language":"de","start":"%s","mode":"IN_PERSON",
                 "name":"Port Test","email":"port.test@example.org","consent":true}""".formatted(start));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode body = json.readTree(booked.body());
        String manage = body.get("manageUrl").asString();
        assertThat(manage).startsWith(baseUrl() + "/appointments/");
        assertThat(Http.location(booked)).isEqualTo(manage);

        HttpResponse<String> managePage = http.get(manage, "Accept", "application/json");
        assertThat(managePage.statusCode()).isEqualTo(200);
        assertThat(json.readTree(managePage.body()).get("status").asString()).isEqualTo("BOOKED");
        HttpResponse<String> calendar = http.get(body.get("calendarUrl").asString());
        assertThat(calendar.statusCode()).isEqualTo(200);
        String unfolded = calendar.body().replace("\r\n ", "");
        assertThat(unfolded).contains("BEGIN:VCALENDAR", "URL:" + manage);
    }

    @Test
    void courseLinksInTheApiThePageAndTheFeedUseThisAddress() throws Exception {
        Http http = new Http(baseUrl());
        JsonNode first = json.readTree(http.get("/api/v1/courses").body()).get(0);
        assertThat(first.get("url").asString()).isEqualTo(baseUrl() + "/courses/" + first.get("id").asLong());
        assertThat(http.get(first.get("url").asString()).statusCode()).isEqualTo(200);
        assertThat(http.get("/courses/" + first.get("id").asLong()).body())
                .contains("\"url\":\"" + baseUrl() + "/courses/").doesNotContain("localhost:8080");
        assertThat(http.get("/courses.ics").body().replace("\r\n ", "")).contains(baseUrl() + "/courses/")
                .doesNotContain("localhost:8080");
    }
}
