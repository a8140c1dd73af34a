package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The faster axe-core check of the browser tests still finds what it should: on a page opened after axe was handed to
 * the browser, an image without a text and grey-on-white text are found, and the colour rule runs where it is meant to.
 */
class AxeCheckTest extends AbstractIntegrationTest {

    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(320, 800);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aPageWithAnImageWithoutTextAndPaleTextFailsTheCheck() {
        driver.get(baseUrl() + "/?lang=de");
        assertThat(Browser.axeViolations(driver, "/")).as("the home page is fine").isEmpty();

        driver.get(baseUrl() + "/labs");
        assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.axe.run;"))
                .as("axe is there before the check injects it").isEqualTo("function");
        spoil();
        assertThat(Browser.axeViolations(driver, Language.DE, "/labs")).as("German gets every rule")
                .anyMatch(p -> p.contains("image-alt")).anyMatch(p -> p.contains("color-contrast"));
        assertThat(Browser.axeViolations(driver, Language.EN, "/labs")).as("English still gets the text rules")
                .anyMatch(p -> p.contains("image-alt")).noneMatch(p -> p.contains("color-contrast"));
    }

    /** An image without a text, and grey text on white (set through the DOM: the CSP forbids style attributes). */
    private static void spoil() {
        ((JavascriptExecutor) driver).executeScript("""
                var main = document.querySelector('main');
                var img = document.createElement('img');
                img.src = '/favicon.ico';
                main.appendChild(img);
                var p = document.createElement('p');
                p.textContent = 'Kaum zu lesen';
                p.style.color = '#eeeeee';
                p.style.backgroundColor = '#ffffff';
                main.appendChild(p);""");
    }
}
