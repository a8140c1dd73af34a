package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner's pages (the requests, the short forms, a form with errors, each demo request and the "are you sure"
 * page) pass axe-core's WCAG 2.1 A/AA check in all seven languages on a 320 px wide screen, with the right lang and
 * dir and nothing scrolling sideways; the coordinators' pages pass it in German and Arabic on a tablet; the public
 * neighbourhood directory (list with map, a filtered list, an entry, the report form) passes it in every language at
 * 320 px and loads nothing from other hosts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerPagesAccessibilityBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;
    private static Markup markup;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(320, 800);
        markup = new Markup("partners");
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

    @Order(1)
    @ParameterizedTest
    @MethodSource("languages")
    void thePartnersPagesPassAxeAt320PixelsInThisLanguage(Language language) {
        driver.manage().window().setSize(new Dimension(320, 800));
        login("partner", language, ".*/partner$");
        List<String> problems = new ArrayList<>();
        List<String> pages = new ArrayList<>(List.of("/partner", "/partner/directory", "/partner/requests/new",
                "/partner/requests/new?kind=WORKSHOP", "/partner/requests/new?kind=DEVICE_LOAN"));
        List<Long> ids = jdbc.sql("""
                select r.id from partner_request r join partner_member m on m.organisation_id = r.organisation_id
                join account a on a.id = m.account_id where a.username = 'partner' order by r.id""").query(Long.class).list();
        ids.forEach(id -> pages.add("/partner/requests/" + id));
        jdbc.sql("""
                select r.id from partner_request r join partner_member m on m.organisation_id = r.organisation_id
                join account a on a.id = m.account_id where a.username = 'partner' and r.state in ('REQUESTED', 'CLARIFYING')
                order by r.id limit 1""").query(Long.class).optional().ifPresent(id -> pages.add("/partner/requests/" + id + "/withdraw"));
        for (String page : pages) {
            driver.get(baseUrl() + page);
            check(page, language, problems);
            markup.save(language.tag() + page, baseUrl() + page, driver);
        }
        // The short form sent empty: the error summary and the marked fields.
        driver.get(baseUrl() + "/partner/requests/new?kind=WORKSHOP");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        check("request form (with errors)", language, problems);
        // The device-loan form after choosing tablets and days: the lab's count arrives in place (htmx), readable.
        driver.get(baseUrl() + "/partner/requests/new?kind=DEVICE_LOAN");
        String from = java.time.LocalDate.now().plusDays(60).toString();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                document.getElementById('loanFrom').value = arguments[0];
                document.getElementById('loanUntil').value = arguments[0];""", from);
        driver.findElement(By.cssSelector("input[name=deviceType][value=TABLET]")).click();
        // Read by script, so an element swapped meanwhile is never touched (no stale element).
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.getElementById('device-availability').textContent")).matches("(?s).*\\d.*"));
        check("device-loan form (with the lab's count)", language, problems);
        assertThat(ids).as("the demo partner's requests").hasSizeGreaterThanOrEqualTo(4);
        assertThat(problems).as("accessibility problems on the partner pages in " + language.tag()).isEmpty();
    }

    @Order(2)
    @ParameterizedTest
    @ValueSource(strings = {"de", "ar"})
    void theCoordinatorsPagesPassAxe(String tag) {
        Language language = Language.fromTag(tag).orElseThrow();
        driver.manage().window().setSize(new Dimension(768, 1024));
        login("coordinator", language, ".*/admin$");
        List<String> problems = new ArrayList<>();
        List<String> pages = new ArrayList<>(List.of("/admin/partners", "/admin/partners?filter=WAITING_FOR_PARTNER",
                "/admin/partners/invite", "/admin/partners/directory"));
        jdbc.sql("select id from partner_request where lab_id = (select id from lab where slug = 'groepelingen') order by id limit 8")
                .query(Long.class).list().forEach(id -> pages.add("/admin/partners/requests/" + id));
        jdbc.sql("select id from partner_request where state = 'DELIVERED' order by id limit 1").query(Long.class).optional()
                .ifPresent(id -> pages.add("/admin/partners/requests/" + id + "/report"));
        for (String page : pages) {
            driver.get(baseUrl() + page);
            check(page, language, problems);
            problems.addAll(Layout.fitsTheWidth(driver, page));
            markup.save("staff-" + tag + page, baseUrl() + page, driver);
        }
        driver.get(baseUrl() + "/admin/partners/invite");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        check("invite form (with errors)", language, problems);
        assertThat(problems).as("accessibility problems on the coordinators' partner pages in " + tag).isEmpty();
    }

    /** The public directory: the list with its map, a filtered list, one entry and its report form, nothing from other hosts. */
    @Order(3)
    @ParameterizedTest
    @MethodSource("languages")
    void theNeighbourhoodDirectoryPassesAxeAt320PixelsInThisLanguage(Language language) {
        driver.manage().window().setSize(new Dimension(320, 800));
        driver.manage().deleteAllCookies();
        long entry = jdbc.sql("""
                select e.id from partner_directory_entry e join partner_organisation o on o.id = e.organisation_id
                where e.state = 'PUBLISHED' and e.confirmed_at > now() - interval '12 months' order by o.name limit 1""")
                .query(Long.class).single();
        List<String> problems = new ArrayList<>();
        driver.get(baseUrl() + "/partners?lang=" + language.tag());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("svg.district-map")).isEmpty());
        check("/partners", language, problems);
        markup.save(language.tag() + "/partners", baseUrl() + "/partners", driver);
        for (String page : List.of("/partners?stadtteil=Gr%C3%B6pelingen&offer=COMPUTER_HELP", "/partners/" + entry,
                "/partners/" + entry + "/report")) {
            driver.get(baseUrl() + page);
            check(page, language, problems);
            markup.save(language.tag() + page.replace('?', '_'), baseUrl() + page, driver);
            Object foreign = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return performance.getEntriesByType('resource').map(r => r.name)"
                            + ".filter(n => !n.startsWith(location.origin) && !n.startsWith('data:'));");
            assertThat((List<?>) foreign).as("resources from other hosts on " + page).isEmpty();
        }
        assertThat(problems).as("accessibility problems on the directory in " + language.tag()).isEmpty();
    }

    @Order(4)
    @Test
    void everyPartnerPageIsValidHtml() {
        assertThat(markup.problems()).as("html-validate findings on the partner pages").isEmpty();
    }

    private void login(String user, Language language, String landing) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login?lang=" + language.tag());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(landing));
    }

    private void check(String page, Language language, List<String> problems) {
        problems.addAll(Browser.pageProblems(driver, language, page));
        problems.addAll(Layout.smallTargets(driver, page, "main .back-link"));
    }
}
