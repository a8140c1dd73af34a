package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.Language;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Visits every public page reachable by links from the home page, in each of the seven languages, on a 320 px wide
 * screen, and fails on any axe-core WCAG 2.1 A/AA violation, a wrong lang/dir, or content that scrolls sideways.
 */
class AccessibilityBrowserTest extends AbstractIntegrationTest {

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

    static List<Language> languages() {
        return Language.uiLanguages();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyPublicPagePassesAxeInThisLanguage(Language language) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/?lang=" + language.tag());

        Set<String> visited = new LinkedHashSet<>();
        java.util.Map<String, Integer> variants = new java.util.HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        List<String> problems = new ArrayList<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (visited.contains(path)) {
                continue;
            }
            // Booking steps differ only in their answers, course pages only in their course: two variants of each
            // kind of page are enough to check.
            String step = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).replaceAll("/\\d+", "/#");
            if (variants.merge(step, 1, Integer::sum) > 2) {
                continue;
            }
            visited.add(path);
            driver.get(baseUrl() + path);
            WebElement html = driver.findElement(By.tagName("html"));
            if (!language.tag().equals(html.getAttribute("lang")) || !language.direction().equals(html.getAttribute("dir"))) {
                problems.add(path + ": html lang/dir is " + html.getAttribute("lang") + "/" + html.getAttribute("dir"));
            }
            Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (overflow != null && overflow > 0) {
                Object culprits = ((JavascriptExecutor) driver).executeScript(
                        "var w = document.documentElement.clientWidth, out = [];"
                        + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                        + " if ((r.right > w + 1 || r.left < -1) && out.length < 5) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); });"
                        + "return out.join('; ');");
                problems.add(path + ": scrolls sideways by " + overflow + " px at 320 px width (" + culprits + ")");
            }
            problems.addAll(Browser.axeViolations(driver, path));
            for (WebElement link : driver.findElements(By.cssSelector("a[href]"))) {
                String next = samePublicPage(link.getAttribute("href"));
                if (next != null && !visited.contains(next)) {
                    queue.add(next);
                }
            }
        }
        assertThat(visited).as("pages visited in " + language.tag())
                .contains("/", "/labs", "/labs/groepelingen", "/labs/vegesack", "/labs/osterholz", "/login", "/book",
                        "/book/topic")
                .anyMatch(p -> p.startsWith("/book/time?"))
                .anyMatch(p -> p.startsWith("/book/contact?"));
        assertThat(problems).as("accessibility problems in " + language.tag() + " on " + visited).isEmpty();
    }

    /** The path of a link to a public page of this app, without language switches; null for anything else. */
    private String samePublicPage(String href) {
        if (href == null) {
            return null;
        }
        URI uri = URI.create(href);
        if (uri.getHost() == null || !uri.getHost().equals("localhost") || uri.getPort() != port) {
            return null;
        }
        String path = uri.getPath();
        if (path.startsWith("/admin") || path.startsWith("/logout") || path.startsWith("/password")) {
            return null;
        }
        String query = uri.getQuery();
        if (query != null && query.contains("lang=")) {
            return null;
        }
        return query == null ? path : path + "?" + query;
    }
}
