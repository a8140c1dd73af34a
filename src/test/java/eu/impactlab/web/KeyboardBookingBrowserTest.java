package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Someone books help in Arabic on a phone-sized screen with the keyboard only, from the home page to the code. */
class KeyboardBookingBrowserTest extends AbstractIntegrationTest {

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
    void booksAnAppointmentInArabicWithTheKeyboardOnly() {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/?lang=ar");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");

        tabTo("main a[href='/book']");
        enterAndWait("/book");
        tabTo("main a[href='/book/topic']");
        enterAndWait("/book/topic");
        tabTo("main .choices a");
        enterAndWait("/book/language");
        tabTo("main .choices a[lang='ar']");
        enterAndWait("/book/lab");
        tabTo("main .choices a");
        enterAndWait("/book/time");
        tabTo("main .time-choices a");
        enterAndWait("/book/mode");
        tabTo("main .choices a");
        enterAndWait("/book/contact");

        tabTo("#name");
        new Actions(driver).sendKeys("ليلى").perform();
        tabTo("#consent");
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        assertThat(driver.findElement(By.id("consent")).isSelected()).isTrue();
        tabTo("main form button[type=submit]");
        enterAndWait("/book/check");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("ليلى");

        tabTo("main form button[type=submit]");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("?booked"));
        String code = driver.findElement(By.cssSelector(".booking-code")).getText();
        assertThat(code).matches("[2-9A-Z]{2}-[2-9A-Z]{3}");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        assertThat(Browser.axeViolations(driver, "confirmation")).isEmpty();
    }

    private void tabTo(String css) {
        for (int i = 0; i < 60; i++) {
            Boolean there = (Boolean) ((JavascriptExecutor) driver).executeScript(
                    "return document.activeElement !== null && document.activeElement.matches(arguments[0]);", css);
            if (Boolean.TRUE.equals(there)) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("could not reach " + css + " with the Tab key on " + driver.getCurrentUrl());
    }

    private void enterAndWait(String path) {
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(path));
    }
}
