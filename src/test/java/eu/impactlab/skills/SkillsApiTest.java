package eu.impactlab.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import eu.impactlab.AbstractIntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The self-check's JSON API: questions in a language, a whole check at once, and clear errors for bad answers. */
class SkillsApiTest extends AbstractIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theQuestionsComeWithIdsCompetenceCodesAndTextsInTheAskedLanguage() throws Exception {
        JsonNode shortCheck = read(mvc.perform(get("/api/v1/skills/questions?lang=pl&mode=short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(shortCheck.get("framework").asString()).isEqualTo("DigComp 2.2");
        assertThat(shortCheck.get("questions")).hasSize(21);
        assertThat(shortCheck.get("questions").get(0).get("id").asString()).isEqualTo("1.1-a");
        assertThat(shortCheck.get("questions").get(0).get("competence").asString()).isEqualTo("1.1");
        assertThat(shortCheck.get("questions").get(0).get("text").asString()).startsWith("Potrafię");
        assertThat(shortCheck.get("answers").get(3).get("text").asString()).isEqualTo("Pewnie i potrafię pokazać innym");

        JsonNode full = read(mvc.perform(get("/api/v1/skills/questions?lang=ar&mode=full"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(full.get("questions")).hasSize(63);
    }

    @Test
    void anUnknownLanguageOrModeIsAClearError() throws Exception {
        String body = mvc.perform(get("/api/v1/skills/questions?lang=xx").header("Accept-Language", "de"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(read(body).get("errors").get("lang").asString()).contains("Diese Sprache kennen wir nicht");
        String mode = mvc.perform(get("/api/v1/skills/questions?lang=tr&mode=long"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(read(mode).get("errors").get("mode").asString()).contains("short");
    }

    @Test
    void aWholeCheckGivesLevelsPerAreaAndCompetenceALearningPathAndAResultLink() throws Exception {
        Map<String, Object> answers = new LinkedHashMap<>();
        Questions.of(Questions.Mode.SHORT, java.util.List.of()).forEach(q -> answers.put(q.id(), q.area().equals("4") ? 0 : 2));
        String body = mvc.perform(post("/api/v1/skills/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("answers", answers, "lang", "en"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode result = read(body);
        assertThat(result.get("areas")).hasSize(5);
        assertThat(result.get("areas").get(3).get("code").asString()).isEqualTo("4");
        assertThat(result.get("areas").get(3).get("level").asInt()).isZero();
        assertThat(result.get("areas").get(3).get("levelText").asString()).isEqualTo("Just starting");
        assertThat(result.get("areas").get(0).get("level").asInt()).isEqualTo(2);
        assertThat(result.get("competences")).hasSize(21);
        // The demo data has upcoming foundation courses on safety (4.1, 4.2).
        assertThat(result.get("learningPath")).isNotEmpty();
        result.get("learningPath").forEach(c -> assertThat(c.get("competences").toString()).containsPattern("\"4\\.[1-4]\""));
        String resultUrl = result.get("resultUrl").asString();
        assertThat(resultUrl).contains("/skills/check/").endsWith("/result");
        String path = resultUrl.substring(resultUrl.indexOf("/skills/"));
        assertThat(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("<html lang=\"en\"", "Your result", "Just starting");
    }

    @Test
    void missingUnknownAndOutOfRangeAnswersAreNamedInTheCallersLanguage() throws Exception {
        Map<String, Object> answers = new LinkedHashMap<>();
        Questions.of(Questions.Mode.SHORT, java.util.List.of()).forEach(q -> answers.put(q.id(), 1));
        answers.remove("2.3-a");
        answers.put("1.1-a", 4);
        answers.put("9.9-z", 1);
        String body = mvc.perform(post("/api/v1/skills/assessments").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("answers", answers, "lang", "uk"))))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        JsonNode errors = read(body).get("errors");
        assertThat(errors.get("2.3-a").asString()).isEqualTo("Тут бракує відповіді.");
        assertThat(errors.get("1.1-a").asString()).isEqualTo("Відповідь має бути 0, 1, 2 або 3.");
        assertThat(errors.get("9.9-z").asString()).isEqualTo("Такого запитання немає.");

        mvc.perform(post("/api/v1/skills/assessments").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/skills/assessments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\": {\"1.1-a\": 1}, \"lang\": \"xx\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/skills/assessments").contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\": {\"1.1-a\": \"viel\"}}")).andExpect(status().isBadRequest());
    }

    @Test
    void theApiIsInTheOpenApiDocument() throws Exception {
        assertThat(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("/api/v1/skills/questions", "/api/v1/skills/assessments");
    }

    private JsonNode read(String body) throws Exception {
        return json.readTree(body);
    }
}
