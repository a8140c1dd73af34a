package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.TestCourses;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.SecretTokens;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The self-check walked in a 320 px browser in each of the seven languages: start page, a question answered with the
 * keyboard alone, an error, the pause page, the result, a course's before/after page, the badge pages (with the
 * holder's revocation confirmation) and an unknown link all pass axe,
 * have the right lang/dir, fit the width, and their HTML passes html-validate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkillsAccessibilityBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;
    private static Markup markup;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(320, 800);
        markup = new Markup("skills");
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
    void theSelfCheckAndItsResultPassAxeInThisLanguage(Language language) {
        driver.manage().deleteAllCookies();
        List<String> problems = new ArrayList<>();
        String lang = language.tag();
        driver.get(baseUrl() + "/skills?lang=" + lang);
        check("start", language, problems);
        markup.save(lang + "-skills-start", driver.getCurrentUrl(), driver);

        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        String questionUrl = driver.getCurrentUrl();
        assertThat(questionUrl).matches(".*/skills/check/[A-Za-z0-9_-]{43}/1");
        String base = questionUrl.substring(0, questionUrl.length() - 2);
        check("question", language, problems);
        markup.save(lang + "-skills-question", questionUrl, driver);

        // No answer: the error is announced and the page still passes.
        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.findElements(By.cssSelector(".error-summary"))).isNotEmpty();
        check("question with error", language, problems);

        // Keyboard only: the first answer is reached with Tab from the error summary's link, arrows choose, Enter sends.
        driver.findElement(By.id("answer")).sendKeys(Keys.SPACE);
        driver.findElement(By.id("answer")).sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.findElement(By.id("answer-1")).isSelected()).as("arrow keys move through the answers").isTrue();
        ((JavascriptExecutor) driver).executeScript("window.previousPage = true;");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitForNextPage();
        assertThat(driver.getCurrentUrl()).endsWith("/2");

        driver.get(base + "/pause");
        check("pause", language, problems);
        markup.save(lang + "-skills-pause", driver.getCurrentUrl(), driver);

        // The other answers quickly, as the form would send them.
        ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1], base = arguments[0], chain = Promise.resolve();
                for (let n = 2; n <= 21; n++) {
                  chain = chain.then(() => fetch(base + '/' + n, {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                      body: 'answer=' + (n % 4)}));
                }
                chain.then(() => done(true), () => done(false));""", base);
        driver.get(base + "/result");
        assertThat(driver.findElements(By.cssSelector("main table"))).isNotEmpty();
        check("result", language, problems);
        problems.addAll(Layout.wordsBrokenInTables(driver, "result"));
        markup.save(lang + "-skills-result", driver.getCurrentUrl(), driver);

        driver.get(baseUrl() + "/skills/check/unknown-link/1");
        check("unknown link", language, problems);

        driver.get(baseUrl() + "/skills/course/" + courseRegistration(lang, false) + "?lang=" + lang);
        check("course before/after", language, problems);
        markup.save(lang + "-skills-course", driver.getCurrentUrl(), driver);

        // A completer's badge: the claim page, the public page, and the verify page with the file's content.
        driver.get(baseUrl() + "/skills/badge/" + courseRegistration(lang, true));
        check("badge choice", language, problems);
        markup.save(lang + "-skills-badge-choice", driver.getCurrentUrl(), driver);
        driver.findElement(By.id("named")).click();
        driver.findElement(By.id("name")).sendKeys("Test Person");
        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        check("badge claim", language, problems);
        markup.save(lang + "-skills-badge", driver.getCurrentUrl(), driver);
        String credentialPath = driver.findElement(By.cssSelector("main a.secondary:not([download])")).getDomAttribute("href");
        // The holder's request to revoke their badge: the confirmation page (nothing is revoked by opening it).
        driver.get(driver.getCurrentUrl().replaceFirst("[?#].*$", "") + "/revoke?lang=" + lang);
        check("badge revocation", language, problems);
        markup.save(lang + "-skills-badge-revoke", driver.getCurrentUrl(), driver);
        driver.get(baseUrl() + credentialPath + "?lang=" + lang);
        check("credential", language, problems);
        markup.save(lang + "-skills-credential", driver.getCurrentUrl(), driver);
        String badgeJson = jdbc.sql("select json from skills_credential where id = ?")
                .param(credentialPath.substring(credentialPath.lastIndexOf('/') + 1)).query(String.class).single();
        driver.get(baseUrl() + "/verify?lang=" + lang);
        check("verify", language, problems);
        markup.save(lang + "-skills-verify", driver.getCurrentUrl(), driver);
        ((JavascriptExecutor) driver).executeScript("document.getElementById('credential').value = arguments[0];", badgeJson);
        driver.findElement(By.id("name")).sendKeys("Test Person");
        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.findElements(By.cssSelector("main .notice-success"))).as("the badge verifies").isNotEmpty();
        check("verify result", language, problems);

        assertThat(problems).as("accessibility problems of the self-check in " + lang).isEmpty();
    }

    @Order(2)
    @Test
    void everySelfCheckPageIsValidHtml() {
        assertThat(markup.problems()).as("html-validate findings on the self-check pages").isEmpty();
    }

    private static Long course;

    /** A manage link of a registration in a course with two competences, in this language. */
    private String courseRegistration(String lang, boolean completed) {
        synchronized (SkillsAccessibilityBrowserTest.class) {
            if (course == null) {
                course = TestCourses.published(jdbc, "osterholz", 50, "Sicher im Netz (Test)", 12);
                jdbc.sql("insert into course_competence (course_id, competence) values (?, '4.1'), (?, '4.2')")
                        .params(course, course).update();
            }
        }
        String token = SecretTokens.newToken();
        jdbc.sql("""
                insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at, completed_at)
                values (?, 'CONFIRMED', 'Test', ?, ?, now(), ?)""")
                .params(course, lang, SecretTokens.hash(token), completed ? java.sql.Timestamp.from(java.time.Instant.now()) : null)
                .update();
        return token;
    }

    @AfterAll
    static void removeCourse(@Autowired JdbcClient jdbc) {
        if (course != null) {
            jdbc.sql("delete from skills_credential where course_id = ?").param(course).update();
            jdbc.sql("delete from course where id = ?").param(course).update();
            course = null;
        }
    }

    private void submit(WebElement button) {
        ((JavascriptExecutor) driver).executeScript("window.previousPage = true;");
        button.click();
        waitForNextPage();
    }

    private void waitForNextPage() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(w -> Boolean.TRUE.equals(((JavascriptExecutor) w).executeScript(
                        "return !window.previousPage && document.readyState === 'complete';")));
    }

    private void check(String page, Language language, List<String> problems) {
        problems.addAll(Browser.pageProblems(driver, language, page));
        problems.addAll(Layout.bookingHelpInHeader(driver, page));
    }
}
