package eu.impactlab.web;

import java.nio.file.Files;
import java.nio.file.Path;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system Chromium, headless. Without it, browser tests are skipped with a clear message; with CI=true a missing
 * Chromium fails the build, so CI can never pass without having run them.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("impactlab.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("impactlab.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The axe-core WCAG 2.1 A/AA violations on the page the browser shows, one readable line each. */
    static List<String> axeViolations(WebDriver driver, String page) {
        return new AxeBuilder().withTags(WCAG_21_AA).analyze(driver).getViolations().stream()
                .map(rule -> page + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .toList();
    }

    /**
     * What every accessibility crawl checks on a page: the language and direction the page says it is in, no sideways
     * scrolling at the window's width, and axe-core's WCAG 2.1 A/AA rules.
     */
    static List<String> pageProblems(WebDriver driver, eu.impactlab.labs.Language language, String page) {
        List<String> problems = new java.util.ArrayList<>();
        org.openqa.selenium.WebElement html = driver.findElement(org.openqa.selenium.By.tagName("html"));
        if (!language.htmlLang().equals(html.getAttribute("lang")) || !language.direction().equals(html.getAttribute("dir"))) {
            problems.add(page + ": html lang/dir is " + html.getAttribute("lang") + "/" + html.getAttribute("dir"));
        }
        problems.addAll(Layout.fitsTheWidth(driver, page));
        problems.addAll(axeViolations(driver, page));
        return problems;
    }

    /**
     * The absolute addresses of the links the page shows (those matching {@code selector}), in one round trip. A link
     * inside an SVG (the directory's map) has an {@code SVGAnimatedString} as its {@code href}, so its attribute is read
     * and resolved against the page's address instead.
     */
    @SuppressWarnings("unchecked")
    static List<String> linkTargets(WebDriver driver, String selector) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(function (a) {"
                + " return typeof a.href === 'string' ? a.href : new URL(a.getAttribute('href'), location.href).href; });",
                selector);
    }

    static WebDriver start(int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install -y chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but Chromium is missing. " + message);
            }
            System.err.println("SKIPPED browser tests: " + message);
            Assumptions.abort("Chromium not installed: " + message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=de-DE", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }
}
