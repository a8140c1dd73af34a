package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The impact dashboard at 320 px passes axe WCAG 2.1 A/AA in all seven languages, for the funder (all labs, by lab)
 * and the coordinator (by Stadtteil), with charts, tables and the district table; the error page too.
 */
class ImpactDashboardBrowserTest extends AbstractIntegrationTest {

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

    private void login(String user) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/(admin|impact)$"));
    }

    @Test
    void dashboardPassesAxeInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        login("funder");
        driver.get(baseUrl() + "/admin");
        assertThat(driver.findElements(By.cssSelector("main a[href='/impact']"))).isNotEmpty();
        for (String language : List.of("de", "en", "tr", "ar", "ru", "uk", "pl")) {
            driver.get(baseUrl() + "/impact?by=lab&lang=" + language);
            assertThat(driver.findElements(By.cssSelector("svg[role=img] title"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#table-districts th[scope=row]")).size()).isGreaterThan(20);
            problems.addAll(Browser.axeViolations(driver, "/impact (funder, " + language + ")"));
        }
        driver.get(baseUrl() + "/impact?from=2024-05-01&to=2024-01-01&lang=ar");
        problems.addAll(Browser.axeViolations(driver, "/impact bad question (ar)"));

        login("coordinator");
        for (String language : List.of("de", "ar")) {
            driver.get(baseUrl() + "/impact?by=stadtteil&lang=" + language);
            problems.addAll(Browser.axeViolations(driver, "/impact (coordinator, " + language + ")"));
        }
        assertThat(problems).as("accessibility problems on the impact dashboard").isEmpty();
    }
}
