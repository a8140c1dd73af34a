package eu.impactlab.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.impactlab.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** With the operator's own video service configured, video help is offered through it and the privacy notice names it. */
// One context for the three classes that need a video service or a real fill time (each context costs 15–20 s).
@TestPropertySource(properties = {"impactlab.consultations.video-base-url=https://video.lab.example",
        "impactlab.rate-limit.min-fill-time=10s"})
class VideoServiceConfiguredTest extends AbstractIntegrationTest {

    @Test
    void videoIsOfferedLinksToThatServiceAndThePrivacyNoticeNamesIt() throws Exception {
        String slots = body(get("/api/v1/labs/groepelingen/slots?topic=smartphone&language=de"));
        assertThat(slots).contains("VIDEO");

        String start = slotStart(slots);
        String booked = mvc.perform(post("/api/v1/appointments").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "de").content("""
                        {"lab":"groepelingen","topic":"smartphone","language":"de","start":"%s","mode":"VIDEO"}""".formatted(start)))
                .andReturn().getResponse().getContentAsString();
        assertThat(booked).contains("\"meetingUrl\":\"https://video.lab.example/ImpactLab-");

        assertThat(body(get("/privacy?lang=de"))).contains("Beratung per Video", "https://video.lab.example");
        assertThat(body(get("/privacy?lang=ar"))).contains("الاستشارة عبر الفيديو", "https://video.lab.example");
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    private static String slotStart(String slotsJson) {
        return VideoServiceTest.slotStart(slotsJson);
    }
}
