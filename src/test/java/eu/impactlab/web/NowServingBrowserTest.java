package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.Logins;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.mock.web.MockHttpSession;

/**
 * The lab's "now serving" screen in a real browser: it passes axe-core, and a number called at the desk appears on
 * it by itself (htmx polling under our content security policy), without reloading the page.
 */
class NowServingBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(1280, 800);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "ar"})
    void aCalledNumberAppearsOnTheScreenByItselfAndTheScreenPassesAxe(String language) throws Exception {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/labs/osterholz/now-serving?lang=" + language);
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ar".equals(language) ? "rtl" : "ltr");
        assertThat(Browser.axeViolations(driver, "/labs/osterholz/now-serving")).isEmpty();
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");

        MockHttpSession helper = Logins.as(mvc, "helper.osterholz");
        String key = UUID.randomUUID().toString();
        var drawn = mvc.perform(post("/staff/labs/osterholz/tickets").session(helper).with(csrf())
                        .param("topic", "smartphone").param("language", "fa").param("key", key))
                .andExpect(status().is3xxRedirection()).andReturn();
        int number = (Integer) drawn.getFlashMap().get("drawn");
        Object called = null;
        while (!Integer.valueOf(number).equals(called)) {
            called = mvc.perform(post("/staff/labs/osterholz/call-next").session(helper).with(csrf())
                            .param("key", UUID.randomUUID().toString()))
                    .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("called");
            assertThat(called).isNotNull();
        }

        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class).until(d ->
                String.valueOf(number).equals(d.findElement(By.cssSelector(".board-number")).getText().strip()));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(Browser.axeViolations(driver, "/labs/osterholz/now-serving (updated)")).isEmpty();
    }
}
