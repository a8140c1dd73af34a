package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.SecretTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The equipment pages a citizen meets (machines, a machine with its form and an error, the reservation and its cancel
 * question, the maker pass and its card) in each of the seven languages at 320 px, and the door kiosk at tablet size
 * with targets of at least 64 px: no axe-core WCAG 2.1 A/AA violation, right lang/dir, nothing scrolls sideways.
 */
class EquipmentAccessibilityBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;

    @Autowired
    JdbcClient jdbc;

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
    void equipmentPagesPassAxeInThisLanguage(Language language) {
        driver.manage().window().setSize(new Dimension(320, 800));
        driver.manage().deleteAllCookies();
        long lab = jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single();
        long printer = jdbc.sql("select id from machine where lab_id = ? and type = 'PRINTER_3D' order by id limit 1").param(lab)
                .query(Long.class).single();
        String passToken = SecretTokens.newToken();
        long pass = jdbc.sql("""
                insert into maker_pass (code, token_hash, lab_id, nickname) values (:code, :hash, :lab, 'Sam') returning id""")
                .param("code", "MAKER-A11Y-" + language.tag().toUpperCase()).param("hash", SecretTokens.hash(passToken))
                .param("lab", lab).query(Long.class).single();
        jdbc.sql("insert into induction (pass_id, induction_type, lab_id, inducted_at, expires_at, last_used_at) values (?, 'PRINTER_3D', ?, now(), now() + interval '300 days', now())")
                .param(pass).param(lab).update();
        String reservationToken = SecretTokens.newToken();
        jdbc.sql("""
                insert into machine_reservation (machine_id, pass_id, starts_at, ends_at, blocked_until, status, manage_token_hash)
                values (:machine, :pass, now() - interval '400 days', now() - interval '400 days' + interval '1 hour',
                    now() - interval '400 days' + interval '1 hour', 'DONE', :hash)""")
                .param("machine", printer).param("pass", pass).param("hash", SecretTokens.hash(reservationToken)).update();
        // A reservation still to come, so the page shows the cancel and calendar buttons (far back, out of anyone's way).
        String upcomingToken = SecretTokens.newToken();
        jdbc.sql("""
                insert into machine_reservation (machine_id, pass_id, starts_at, ends_at, blocked_until, status, manage_token_hash)
                values (:machine, :pass, now() + interval '27 days' + make_interval(mins => :offset), now() + interval '27 days' + make_interval(mins => :offset + 1),
                    now() + interval '27 days' + make_interval(mins => :offset + 1), 'BOOKED', :hash)""")
                .param("machine", printer).param("pass", pass).param("offset", language.ordinal() * 3)
                .param("hash", SecretTokens.hash(upcomingToken)).update();

        List<String> problems = new ArrayList<>();
        visit("/labs/groepelingen/machines?lang=" + language.tag(), language, problems);
        visit("/machines/" + printer, language, problems);
        submitAndWait();
        assertThat(driver.findElements(By.cssSelector(".error-summary"))).as("an empty pass code is an error").isNotEmpty();
        check("/machines/" + printer + " with an error", language, problems);
        visit("/reservations/" + upcomingToken, language, problems);
        visit("/reservations/" + upcomingToken + "/cancel", language, problems);
        visit("/reservations/" + reservationToken, language, problems);
        visit("/passes/" + passToken, language, problems);
        visit("/passes/" + passToken + "/card", language, problems);

        // The kiosk at the door: a tablet, big buttons, nothing personal.
        jdbc.sql("insert into kiosk (lab_id, name, pairing_code_hash, pairing_expires_at) values (?, 'A11y', ?, now() + interval '1 day')")
                .param(lab).param(SecretTokens.hash("A11Y" + language.tag().toUpperCase())).update();
        driver.manage().window().setSize(new Dimension(1024, 768));
        visit("/kiosk", language, problems);
        driver.findElement(By.id("code")).sendKeys("A11Y" + language.tag().toUpperCase());
        submitAndWait();
        check("/kiosk paired", language, problems);
        if (language == Language.AR) {
            screenshot("/tmp/equipment-kiosk-ar.png");
        }
        Object small = ((JavascriptExecutor) driver).executeScript(
                "var out = []; document.querySelectorAll('.kiosk-buttons button').forEach(function (e) {"
                + " var r = e.getBoundingClientRect(); if (r.width < 64 || r.height < 64) out.push(Math.round(r.width) + 'x' + Math.round(r.height)); });"
                + "return document.querySelectorAll('.kiosk-buttons button').length + ':' + out.join(',');");
        assertThat(small).as("six kiosk buttons, none smaller than 64 px").isEqualTo("6:");
        driver.findElements(By.cssSelector(".kiosk-buttons button")).get(0).click();
        assertThat(driver.findElement(By.id("kiosk-thanks")).isDisplayed()).as("the thank-you shows").isTrue();
        check("/kiosk thanks", language, problems);
        assertThat(problems).as("accessibility problems in " + language.tag()).isEmpty();
    }

    private static void screenshot(String file) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(file),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            // a picture for a person to look at; the test does not depend on it
        }
    }

    /**
     * Sends the page's form and waits until the answer replaced the page. The old page is marked in its window object,
     * which a new page load drops; waiting for a stale element instead once failed in Chromium with "Node with given id
     * does not belong to the document" while the old document was being torn down.
     */
    private static void submitAndWait() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.impactlabOldPage = true;");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.impactlabOldPage !== true && document.readyState === 'complete';")));
    }

    private void visit(String path, Language language, List<String> problems) {
        driver.get(baseUrl() + path);
        check(path, language, problems);
    }

    private void check(String page, Language language, List<String> problems) {
        problems.addAll(Browser.pageProblems(driver, language, page).stream().filter(p -> !p.contains("header links")).toList());
    }
}
