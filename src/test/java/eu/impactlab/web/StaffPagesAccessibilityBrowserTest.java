package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff serve people between two other tasks, often on a tablet: their pages, including a form that shows errors,
 * pass the same axe-core WCAG 2.1 A/AA check, here in German and in Arabic (right to left).
 */
class StaffPagesAccessibilityBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(768, 1024);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "ar"})
    void staffPagesPassAxe(String language) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login?lang=" + language);
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin$"));

        List<String> problems = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        java.util.Map<String, Integer> dayVariants = new java.util.HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/admin"));
        while (!queue.isEmpty()) {
            String path = queue.poll();
            // The helper's day links the day before and after without end: today and its neighbours are enough.
            if (visited.contains(path) || (path.startsWith("/staff/day?") && dayVariants.merge("day", 1, Integer::sum) > 2)) {
                continue;
            }
            visited.add(path);
            driver.get(baseUrl() + path);
            check(path, problems);
            for (WebElement link : driver.findElements(By.cssSelector("main a[href]"))) {
                String next = staffPage(link.getAttribute("href"));
                if (next != null && !visited.contains(next)) {
                    queue.add(next);
                }
            }
        }

        // A form with errors: the error summary and the marked fields must be accessible too.
        driver.get(baseUrl() + "/admin/labs/groepelingen/hours");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('days-0-opens1').value = '18:00';"
                + "document.getElementById('days-0-closes1').value = '09:00';");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        check("/admin/labs/groepelingen/hours (with errors)", problems);

        // The helper's day with a freshly drawn number, and the outcome form of a served walk-in with errors.
        driver.get(baseUrl() + "/staff/day");
        driver.findElement(By.cssSelector("#queue-groepelingen .tap-buttons button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".number-panel")).isEmpty());
        check("/staff/day (number drawn)", problems);
        driver.findElement(By.cssSelector("form[action='/staff/labs/groepelingen/call-next'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".number-panel")).isEmpty());
        driver.findElement(By.cssSelector("#queue-groepelingen form[action$='/served'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/staff/tickets/\\d+/outcome$"));
        check("outcome form", problems);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('#topics input[type=checkbox]').forEach(function (c) { c.checked = false; });"
                + "document.getElementById('minutes').value = '';");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        check("outcome form (with errors)", problems);

        assertThat(visited).contains("/admin", "/admin/labs", "/admin/labs/groepelingen", "/admin/labs/groepelingen/hours",
                "/admin/accounts", "/admin/accounts/new", "/admin/account", "/staff/day");
        assertThat(problems).as("accessibility problems on staff pages in " + language).isEmpty();
    }

    private void check(String path, List<String> problems) {
        problems.addAll(Browser.axeViolations(driver, path));
    }

    /** Staff pages reachable by links, without language switches. */
    private String staffPage(String href) {
        if (href == null) {
            return null;
        }
        URI uri = URI.create(href);
        if (!"localhost".equals(uri.getHost()) || uri.getPort() != port || !(uri.getPath().startsWith("/admin") || uri.getPath().startsWith("/staff"))
                || (uri.getQuery() != null && uri.getQuery().contains("lang="))) {
            return null;
        }
        return uri.getQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getQuery();
    }
}
