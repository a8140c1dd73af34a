package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.TwoFactorCodes;
import eu.impactlab.labs.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Setting up two-factor login in a 320 px browser in each of the seven languages: the setup page with its QR code, a
 * wrong code, the recovery codes, the account pages and the admin's "reset?" page pass axe, have the right lang/dir,
 * fit the width, and their HTML passes html-validate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoFactorAccessibilityBrowserTest extends AbstractIntegrationTest {

    private static final String PASSWORD = "Zwei Faktoren im Browser";
    private static WebDriver driver;
    private static Markup markup;

    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(320, 800);
        markup = new Markup("two-factor");
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
    void theTwoFactorPagesPassAxeInThisLanguage(Language language) {
        String lang = language.tag();
        String username = "tf.browser." + lang + "." + UUID.randomUUID().toString().substring(0, 6);
        long id = jdbc.sql("insert into account (username, display_name, role) values (?, 'Browser 2FA', 'ADMIN') returning id")
                .param(username).query(Long.class).single();
        String link = accounts.issuePasswordLink(id);
        driver.manage().deleteAllCookies();
        driver.get(link.replaceFirst("^https?://[^/]+", baseUrl()) + "?lang=" + lang);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("repeat")).sendKeys(PASSWORD);
        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin$"));

        List<String> problems = new ArrayList<>();
        visit("/admin/account", "account", language, problems);
        visit("/admin/account/two-factor", "setup", language, problems);
        assertThat(driver.findElements(By.cssSelector("main svg.qr-code"))).hasSize(1);

        driver.findElement(By.id("code")).sendKeys("000000");
        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        check("wrong code", language, problems);
        markup.save(lang + "-two-factor-wrong", driver.getCurrentUrl(), driver);

        String secret = jdbc.sql("select secret from account_totp where account_id = ?").param(id).query(String.class).single();
        driver.findElement(By.id("code")).sendKeys(TwoFactorCodes.now(secret));
        submit(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
        check("recovery codes", language, problems);
        markup.save(lang + "-two-factor-codes", driver.getCurrentUrl(), driver);

        visit("/admin/accounts/" + id, "admin detail", language, problems);
        visit("/admin/accounts/" + id + "/two-factor/reset", "reset", language, problems);
        assertThat(problems).as("accessibility problems of the two-factor pages in " + lang).isEmpty();
    }

    @Order(2)
    @Test
    void everyVisitedPageIsValidHtml() {
        assertThat(markup.problems()).as("html-validate findings on the two-factor pages").isEmpty();
    }

    private void visit(String path, String name, Language language, List<String> problems) {
        driver.get(baseUrl() + path);
        check(name, language, problems);
        markup.save(language.tag() + "-two-factor-" + name.replace(' ', '-'), baseUrl() + path, driver);
    }

    private void submit(WebElement button) {
        ((JavascriptExecutor) driver).executeScript("window.previousPage = true;");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(w -> Boolean.TRUE.equals(((JavascriptExecutor) w).executeScript(
                        "return !window.previousPage && document.readyState === 'complete';")));
    }

    private void check(String page, Language language, List<String> problems) {
        problems.addAll(Browser.pageProblems(driver, language, page));
    }
}
