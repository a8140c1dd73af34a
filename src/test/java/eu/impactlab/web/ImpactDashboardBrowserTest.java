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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The impact dashboard at 320 px passes axe WCAG 2.1 A/AA in all seven languages, for the funder (all labs, by lab)
 * and the coordinator (by Stadtteil), with charts, tables and the district table; the error page too. At 1280 px and
 * 390 px, in German and Arabic, no number in any table wraps, no heading breaks inside a word, and wide tables scroll
 * inside their own labelled frame with the row labels kept in view.
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
        // wherever the login lands (the admin start page or a task page), it has left the login form
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void dashboardPassesAxeInEveryLanguage() {
        driver.manage().window().setSize(new Dimension(320, 800));
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

    /**
     * Every line a text is drawn on, per numeric cell and per word of a heading or row label: a number that wraps
     * ("1254" as 1/2/5/4), a word broken inside ("Bera/tungen") or a text wider than its cell is reported with its
     * table. The text is measured with
     * a Range, whose client rectangles are one per line the text occupies.
     */
    private static final String BROKEN_TEXT = """
            const broken = [];
            const lines = (node, from, to) => {
              const range = document.createRange();
              range.setStart(node, from);
              range.setEnd(node, to);
              return new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            };
            for (const table of document.querySelectorAll('table.impact-table')) {
              for (const cell of table.querySelectorAll('td.num, th')) {
                const node = cell.firstChild;
                if (!node || node.nodeType !== Node.TEXT_NODE || !node.data.trim()) continue;
                // a word wider than its cell would run over the next one
                if (cell.scrollWidth > cell.clientWidth + 1) broken.push(table.id + ' runs over its cell: ' + node.data);
                if (cell.matches('td.num')) {
                  if (lines(node, 0, node.data.length) > 1) broken.push(table.id + ' number: ' + node.data);
                  continue;
                }
                // a line may break after a hyphen ("Technik-" / "Kursen"), as in print, but never inside a word
                const words = /[^\\s-]+-?/g;
                let word;
                while ((word = words.exec(node.data)) !== null) {
                  if (lines(node, word.index, word.index + word[0].length) > 1) broken.push(table.id + ' word: ' + word[0]);
                }
              }
            }
            return broken;
            """;

    @Test
    void numbersNeverWrapAndWideTablesScrollInTheirOwnFrameWithTheRowLabelsInView() {
        login("funder");
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            for (String language : List.of("de", "ar")) {
                for (String by : List.of("stadtbezirk", "month", "stadtteil")) {
                    String page = width + " px, " + language + ", by " + by;
                    driver.get(baseUrl() + "/impact?by=" + by + "&lang=" + language);
                    assertThat(driver.findElements(By.cssSelector("table.impact-table td.num")).size()).as(page).isGreaterThan(100);
                    @SuppressWarnings("unchecked")
                    List<String> broken = (List<String>) ((JavascriptExecutor) driver).executeScript(BROKEN_TEXT);
                    assertThat(broken).as("wrapped numbers or broken words at " + page).isEmpty();
                    Number pageWidth = (Number) ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth - window.innerWidth;");
                    assertThat(pageWidth.intValue()).as("the page itself scrolls sideways at " + page).isLessThanOrEqualTo(0);
                    WebElement frame = driver.findElement(By.cssSelector("#table-breakdown")).findElement(By.xpath(".."));
                    assertThat(frame.getAttribute("role")).isEqualTo("region");
                    assertThat(frame.getAttribute("tabindex")).isEqualTo("0");
                    assertThat(frame.getAttribute("aria-label")).isNotBlank();
                    // scrolled to its far end, the frame still shows the row labels at its start edge
                    ((JavascriptExecutor) driver).executeScript(
                            "arguments[0].scrollLeft = arguments[1] ? -arguments[0].scrollWidth : arguments[0].scrollWidth;",
                            frame, "ar".equals(language));
                    Number offset = (Number) ((JavascriptExecutor) driver).executeScript("""
                            const frame = arguments[0], label = frame.querySelector('tbody th[scope=row]');
                            const f = frame.getBoundingClientRect(), l = label.getBoundingClientRect();
                            return arguments[1] ? f.right - l.right : l.left - f.left;""", frame, "ar".equals(language));
                    assertThat(offset.doubleValue()).as("row label in view after scrolling at " + page).isBetween(-1.0, 3.0);
                }
            }
        }
    }

    /**
     * The funder's question from issue 18, "people helped in 2025 who did not get help in German, by district": at
     * 1280 × 800 the chosen breakdown's table comes before the key figures and starts on the first screen, with its
     * column headings and the first districts in view, and the whole table with its total within a page area of 800 px,
     * in German and in Arabic.
     */
    @Test
    void aChosenBreakdownIsTheFirstThingOnTheScreenAt1280Px() {
        login("funder");
        driver.manage().window().setSize(new Dimension(1280, 800));
        for (String language : List.of("de", "ar")) {
            driver.get(baseUrl() + "/impact?from=2025-01-01&to=2025-12-31&language=not-de&by=stadtbezirk&lang=" + language);
            @SuppressWarnings("unchecked")
            List<Number> place = (List<Number>) ((JavascriptExecutor) driver).executeScript("""
                    const table = document.querySelector('#table-breakdown');
                    const firstRow = table.querySelector('tbody tr');
                    const figures = document.querySelector('#key-figures');
                    return [window.innerHeight, table.getBoundingClientRect().top, firstRow.getBoundingClientRect().bottom,
                            figures.getBoundingClientRect().top, window.scrollY,
                            table.querySelector('tfoot').getBoundingClientRect().bottom];""");
            String page = "1280 px, " + language;
            double viewport = place.get(0).doubleValue();
            assertThat(place.get(4).doubleValue()).as("not scrolled at " + page).isZero();
            assertThat(place.get(1).doubleValue()).as("the table starts on the first screen at " + page).isBetween(0.0, viewport);
            assertThat(place.get(2).doubleValue()).as("its headings and first district are in view at " + page)
                    .isLessThanOrEqualTo(viewport);
            // the window's own bars take part of the 800 px; on a page area of 800 px the whole answer, total included, fits
            assertThat(place.get(5).doubleValue()).as("the total row within 800 px of the top at " + page)
                    .isLessThanOrEqualTo(800.0);
            assertThat(place.get(3).doubleValue()).as("the key figures come after the table at " + page)
                    .isGreaterThan(place.get(2).doubleValue());
            assertThat(driver.findElements(By.cssSelector("#table-breakdown tbody th[scope=row]")).size())
                    .as(page).isGreaterThanOrEqualTo(5);
        }
        // without a chosen breakdown the key figures lead, as before
        driver.get(baseUrl() + "/impact?lang=de");
        Number order = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#key-figures').getBoundingClientRect().top"
                        + " - document.querySelector('#table-breakdown').getBoundingClientRect().top;");
        assertThat(order.doubleValue()).isNegative();
    }
}
