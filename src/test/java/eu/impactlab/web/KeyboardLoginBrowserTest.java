package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person who uses only the keyboard logs in, starting from the home page. */
class KeyboardLoginBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(390, 844);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void logsInWithTheKeyboardOnly() {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/?lang=de");

        // The first Tab reaches the skip link, and it is visible when focused.
        tab();
        WebElement skip = driver.switchTo().activeElement();
        assertThat(skip.getAttribute("class")).contains("skip-link");
        assertThat(skip.isDisplayed()).isTrue();

        // Tab along the header to the login link and follow it with Enter.
        focusByTabbing("a[href='/login']", 20);
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));

        focusByTabbing("#username", 30);
        new Actions(driver).sendKeys("coordinator").sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
        new Actions(driver).sendKeys("demo").sendKeys(Keys.ENTER).perform();

        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Demo Koordination Gröpelingen");
    }

    @Test
    void aWrongPasswordMovesFocusToTheErrorMessage() {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login?lang=en");
        focusByTabbing("#username", 30);
        new Actions(driver).sendKeys("coordinator").sendKeys(Keys.TAB).sendKeys("wrong").sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("error"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.switchTo().activeElement().getAttribute("role") != null);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("role")).isEqualTo("alert");
        assertThat(focused.getText()).isNotBlank();
    }

    private void tab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
    }

    private void focusByTabbing(String css, int maxTabs) {
        WebElement target = driver.findElement(By.cssSelector(css));
        for (int i = 0; i < maxTabs; i++) {
            if (target.equals(driver.switchTo().activeElement())) {
                return;
            }
            tab();
        }
        assertThat(driver.switchTo().activeElement()).as("reached " + css + " with Tab").isEqualTo(target);
    }
}
