package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every JSON API answers bad input in one shape (platform.ApiProblems), in the caller's language. */
class ApiProblemsTest extends AbstractIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void badInputGetsTheSameProblemShapeFromEveryApiInTheCallersLanguage() throws Exception {
        long course = TestCourses.published(jdbc, "vegesack", 5, "Problem-Form", 9);
        for (String path : List.of("/api/v1/courses/" + course + "/registrations", "/api/v1/ideas", "/api/v1/appointments",
                "/api/v1/machines/1/reservations")) {
            MockHttpServletResponse response = mvc.perform(post(path).header("Accept-Language", "uk")
                    .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(400);
            assertThat(response.getContentType()).as(path).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(problem.get("title").asString()).as(path).isEqualTo("Будь ласка, перевірте введені дані");
            assertThat(problem.get("detail").asString()).as(path).isEqualTo(problem.get("title").asString());
            assertThat(problem.get("errors").isObject()).as(path).isTrue();
            assertThat(problem.get("errors").size()).as(path).isPositive();
        }
    }

    @Test
    void anIdempotencyKeyOutsideTheRulesIsAFieldErrorBesideTheOthers() throws Exception {
        for (String path : List.of("/api/v1/ideas", "/api/v1/appointments", "/api/v1/machines/1/reservations")) {
            JsonNode problem = json.readTree(mvc.perform(post(path).header("Accept-Language", "en")
                            .header("Idempotency-Key", "x".repeat(81)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(problem.get("status").asInt()).as(path).isEqualTo(400);
            assertThat(problem.get("errors").get("idempotencyKey").asString()).as(path).contains("1 to 80");
            assertThat(problem.get("errors").size()).as(path).isGreaterThan(1);
        }
    }
}
