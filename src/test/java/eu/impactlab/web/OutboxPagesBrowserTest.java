package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.notifications.CalendarInvitations;
import eu.impactlab.notifications.Invitation;
import eu.impactlab.notifications.MailOutbox;
import eu.impactlab.notifications.OutgoingMail;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin's outbox pages, with a waiting mail that has a calendar attachment and a failed one with its retry
 * button, pass axe-core in German and in Arabic, also on a 320 px wide screen.
 */
class OutboxPagesBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;

    @Autowired
    MailOutbox outbox;
    @Autowired
    CalendarInvitations calendars;
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

    @ParameterizedTest
    @ValueSource(strings = {"de", "ar"})
    void outboxPagesPassAxe(String language) {
        String to = "browser." + language + "@example.org";
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 10, 14, 30, 0, 0, ZoneId.of("Europe/Berlin"));
        outbox.enqueue(new OutgoingMail(to, "Ihr Termin am Dienstag, 10. März, um 14:30 Uhr im Lab Gröpelingen",
                "Guten Tag,\n\nIhr Termin ist bestätigt.\nTermin-Code: K7M-2QX\n\nIhr Lab-Team",
                calendars.requestAttachment(new Invitation("appointment-browser-" + language + "@impactlab", 0, start,
                        start.plusMinutes(45), "Beratung", null, null, null, "noreply@impactlab.invalid", to))));
        long waiting = idOf(to);
        outbox.enqueue(new OutgoingMail(to, "Erinnerung", "Morgen um 10 Uhr."));
        long failed = idOf(to);
        jdbc.sql("update mail_outbox set status = 'FAILED', attempts = 10, last_error = 'MailConnectException' where id = ?")
                .param(failed).update();

        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login?lang=" + language);
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin$"));

        List<String> problems = new ArrayList<>();
        for (String path : List.of("/admin/outbox", "/admin/outbox/" + waiting, "/admin/outbox/" + failed)) {
            driver.get(baseUrl() + path);
            problems.addAll(Browser.axeViolations(driver, path));
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow).as("%s scrolls sideways at 320 px", path).isEqualTo(false);
        }
        assertThat(driver.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(driver.findElements(By.cssSelector("main form button[type=submit]"))).hasSize(1);
        assertThat(problems).as("accessibility problems on the outbox pages in " + language).isEmpty();
    }

    private long idOf(String recipient) {
        return jdbc.sql("select max(id) from mail_outbox where recipient = ?").param(recipient).query(Long.class).single();
    }
}
