package eu.impactlab.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** Coordinators name and describe a machine in every language and give it a photo with alt text; citizens see them. */
class MachineTextsTest extends AbstractIntegrationTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    JdbcClient jdbc;

    private long machine;

    @AfterEach
    void retire() {
        EquipmentTesting.retire(jdbc, machine);
    }

    @Test
    void textsPerLanguageWithGermanFallbackAndAPhotoServedWithCaching() throws Exception {
        machine = EquipmentTesting.machine(jdbc, "groepelingen", "Texte-Testmaschine", null);
        long lab = EquipmentTesting.labId(jdbc, "groepelingen");
        String base = "/admin/equipment/" + lab + "/machines/" + machine;
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(get(base + "/texts").session(coordinator)).andExpect(status().isOk());

        // Bad input: a clear message, what was typed stays, nothing saved.
        String refused = mvc.perform(post(base + "/texts").session(coordinator).with(csrf()).param("name_de", "Lasergravur klein")
                        .param("description_de", "x".repeat(601)).param("name_tr", "Küçük lazer"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("höchstens 600 Zeichen").contains("value=\"Küçük lazer\"");
        assertThat(jdbc.sql("select count(*) from machine_text where machine_id = ?").param(machine).query(Long.class).single()).isZero();
        assertThat(mvc.perform(post(base + "/texts").session(coordinator).with(csrf()).param("name_tr", "Küçük lazer"))
                .andReturn().getResponse().getContentAsString()).contains("mindestens den deutschen Namen");

        mvc.perform(post(base + "/texts").session(coordinator).with(csrf()).param("name_de", "Lasergravur klein")
                        .param("description_de", "Graviert Holz und Leder.").param("alt_de", "Ein grauer Kasten mit Glasdeckel")
                        .param("name_tr", "Küçük lazer").param("alt_tr", "Cam kapaklı gri bir kutu")
                        .param("name_ar", "ليزر صغير"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/machines/" + machine, "tr")).contains("Küçük lazer").as("no Turkish description: the German one")
                .contains("Graviert Holz und Leder.");
        assertThat(page("/machines/" + machine, "pl")).contains("Lasergravur klein");
        assertThat(page("/labs/groepelingen/machines", "ar")).contains("ليزر صغير");
        assertThat(mvc.perform(get("/api/v1/labs/groepelingen/machines").header("Accept-Language", "tr")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"name\":\"Küçük lazer\"");

        // Photos: checked by their first bytes and size; served with a year of caching under an address with its hash.
        assertThat(upload(coordinator, base, "notes.png", "not a picture".getBytes()).getFlashMap().get("problem"))
                .isEqualTo("equipment.photo.error.type");
        byte[] huge = Arrays.copyOf(PNG, MachineTexts.MAX_PHOTO_BYTES + 1);
        assertThat(upload(coordinator, base, "huge.png", huge).getFlashMap().get("problem")).isEqualTo("equipment.photo.error.size");
        mvc.perform(get("/machines/" + machine + "/photo")).andExpect(status().isNotFound());
        assertThat(upload(coordinator, base, "laser.png", PNG).getFlashMap().get("saved")).isEqualTo("equipment.photo.saved");
        var photo = mvc.perform(get("/machines/" + machine + "/photo")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(photo.getContentType()).isEqualTo("image/png");
        assertThat(photo.getHeader("Cache-Control")).contains("max-age=31536000");
        assertThat(photo.getContentAsByteArray()).isEqualTo(PNG);
        assertThat(page("/machines/" + machine, "tr")).contains("/machines/" + machine + "/photo?v=")
                .contains("alt=\"Cam kapaklı gri bir kutu\"");

        // Deleting the photo asks first.
        mvc.perform(post(base + "/photo/remove").session(coordinator).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/machines/" + machine + "/photo")).andExpect(status().isOk());
        mvc.perform(post(base + "/photo/remove").session(coordinator).with(csrf()).param("confirm", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/machines/" + machine + "/photo")).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheLabsCoordinatorsAndAdminsChangeTextsAndPhotos() throws Exception {
        machine = EquipmentTesting.machine(jdbc, "vegesack", "Rechte-Testmaschine", null);
        long vegesack = EquipmentTesting.labId(jdbc, "vegesack");
        String base = "/admin/equipment/" + vegesack + "/machines/" + machine;
        mvc.perform(get(base + "/texts").session(Logins.as(mvc, "helper"))).andExpect(status().isForbidden());
        MockHttpSession coordinator = Logins.as(mvc, "coordinator");
        mvc.perform(get(base + "/texts").session(coordinator)).andExpect(status().isForbidden());
        mvc.perform(multipart(base + "/photo").file(new MockMultipartFile("photo", "p.png", "image/png", PNG)).session(coordinator)
                .with(csrf())).andExpect(status().isForbidden());
        long groepelingen = EquipmentTesting.labId(jdbc, "groepelingen");
        mvc.perform(get("/admin/equipment/" + groepelingen + "/machines/" + machine + "/texts").session(coordinator))
                .andExpect(status().isNotFound());
        MockHttpSession admin = Logins.as(mvc, "admin");
        mvc.perform(post(base + "/texts").session(admin).with(csrf()).param("name_de", "Rechte-Testmaschine neu"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select name from machine where id = ?").param(machine).query(String.class).single())
                .isEqualTo("Rechte-Testmaschine neu");
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private org.springframework.test.web.servlet.MvcResult upload(MockHttpSession session, String base, String name, byte[] data)
            throws Exception {
        return mvc.perform(multipart(base + "/photo").file(new MockMultipartFile("photo", name, "image/png", data)).session(session)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
    }
}
