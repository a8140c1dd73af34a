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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idea pages on a 320 px phone in each of the seven languages: the list, the form (empty, with errors, sent), an
 * idea with its answer before and after tapping "support" (htmx), and the private link's pages pass axe-core WCAG 2.1
 * A/AA, keep lang/dir right, do not scroll sideways, and their HTML passes html-validate. A text with markup in it
 * stays text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdeaPagesAccessibilityBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;
    private static Markup markup;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(320, 800);
        markup = new Markup("ideas");
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
    void theIdeaPagesPassAxeInThisLanguage(Language language) {
        long idea = answeredIdea(language);
        driver.manage().deleteAllCookies();
        List<String> problems = new ArrayList<>();
        String tag = language.tag();

        visit("/ideas?lang=" + tag, tag + "-list", language, problems);
        visit("/ideas?lab=groepelingen&answer=PLANNED&sort=supports", tag + "-list-filtered", language, problems);
        visit("/ideas/" + idea, tag + "-idea", language, problems);
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("<img src=x onerror=alert(1)> Reparatur-Café");
        assertThat(driver.findElements(By.cssSelector("main img"))).as("markup in a text stays text").isEmpty();
        driver.findElement(By.cssSelector("#support button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(w -> !w.findElements(By.cssSelector("#support .notice-success")).isEmpty());
        check("idea supported", language, problems);

        visit("/ideas/new?lab=groepelingen", tag + "-form", language, problems);
        submitMainForm();
        assertThat(driver.findElements(By.cssSelector(".error-summary"))).as("an empty form shows what to fix").isNotEmpty();
        check("form with errors", language, problems);
        markup.save(tag + "-form-errors", driver.getCurrentUrl(), driver);
        driver.findElement(By.cssSelector("label[for='kind-COURSE']")).click();
        driver.findElement(By.id("title")).sendKeys("Repair café " + tag);
        driver.findElement(By.id("text")).sendKeys("Once a month, old phones and laptops repaired together.");
        new Select(driver.findElement(By.id("lab"))).selectByValue("groepelingen");
        driver.findElement(By.cssSelector("label[for='consent']")).click();
        submitMainForm();
        assertThat(driver.getCurrentUrl()).contains("/ideas/manage/");
        check("sent", language, problems);
        String manage = driver.getCurrentUrl().replace("?sent", "");
        markup.save(tag + "-manage", manage, driver);
        visit(manage.substring(baseUrl().length()) + "/withdraw", tag + "-withdraw", language, problems);
        assertThat(problems).as("accessibility problems of the idea pages in " + tag).isEmpty();
    }

    @Order(2)
    @Test
    void everyVisitedPageIsValidHtml() {
        assertThat(markup.problems()).as("html-validate findings on the idea pages").isEmpty();
    }

    /** A published idea at Gröpelingen, written in this language, answered PLANNED, with a title full of markup. */
    private long answeredIdea(Language language) {
        long lab = jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single();
        return jdbc.sql("""
                insert into idea (lab_id, kind, title, text, language, ui_language, state, answer_state, answer_text,
                                  manage_token_hash, licence, published_at, last_decision_at)
                values (?, 'PROJECT', '<img src=x onerror=alert(1)> Reparatur-Café', ?, ?, ?, 'PUBLISHED', 'PLANNED',
                        'Ab März jeden ersten Samstag.', ?, 'CC-BY-4.0', now(), now()) returning id""")
                .params(lab, "Text <script>alert(1)</script> in " + language.nativeName(), language.tag(), language.tag(),
                        java.util.UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000")
                .query(Long.class).single();
    }

    private void visit(String path, String name, Language language, List<String> problems) {
        driver.get(baseUrl() + path);
        check(path, language, problems);
        markup.save(name, baseUrl() + path, driver);
    }

    private void submitMainForm() {
        ((JavascriptExecutor) driver).executeScript("window.previousPage = true;");
        List<WebElement> forms = driver.findElements(By.cssSelector("main form"));
        forms.get(forms.size() - 1).findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(w -> Boolean.TRUE.equals(((JavascriptExecutor) w).executeScript(
                        "return !window.previousPage && document.readyState === 'complete';")));
    }

    private void check(String page, Language language, List<String> problems) {
        problems.addAll(Browser.pageProblems(driver, language, page));
    }
}
