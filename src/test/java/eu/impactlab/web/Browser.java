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

    /**
     * The languages whose pages get every axe-core rule: German (the source), Arabic (right to left) and Leichte Sprache
     * (its own larger type and spacing).
     */
    static final java.util.Set<eu.impactlab.labs.Language> ALL_RULES = java.util.EnumSet.of(
            eu.impactlab.labs.Language.DE, eu.impactlab.labs.Language.AR, eu.impactlab.labs.Language.LS);

    /**
     * The rules that only look at colours, the slowest ones: in English, Turkish, Russian, Ukrainian and Polish a page is
     * German's template with the same stylesheet, so they cannot find anything there that German misses.
     */
    private static final List<String> COLOUR_RULES = List.of("color-contrast", "link-in-text-block");

    /** The axe-core WCAG 2.1 A/AA violations on the page the browser shows, one readable line each. */
    static List<String> axeViolations(WebDriver driver, String page) {
        return violations(axe(), driver, page);
    }

    /**
     * The same in the given language: every rule in {@link #ALL_RULES}, and all but the colour rules in the others,
     * whose texts (names, labels, titles, lang attributes, regions that scroll with longer words) still get checked.
     */
    static List<String> axeViolations(WebDriver driver, eu.impactlab.labs.Language language, String page) {
        return violations(ALL_RULES.contains(language) ? axe() : axe().disableRules(COLOUR_RULES), driver, page);
    }

    /**
     * Axe-core's own run in the page ("legacy mode"): the default instead runs it in parts and puts the results
     * together in a new browser tab, for cross-origin frames these pages do not have, at several times the cost.
     */
    private static AxeBuilder axe() {
        AxeBuilder axe = new AxeBuilder().withTags(WCAG_21_AA).setLegacyMode(true);
        axe.setInjectAxe(Browser::provideAxe, true);
        return axe;
    }

    private static String axeScript;

    private static synchronized String axeScript() {
        if (axeScript == null) {
            try {
                axeScript = new com.deque.html.axecore.providers.EmbeddedResourceAxeProvider().getScript();
            } catch (Exception e) {
                throw new IllegalStateException("axe-core's script is missing from its jar", e);
            }
        }
        return axeScript;
    }

    private static final java.util.Set<WebDriver> AXE_ON_EVERY_PAGE = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /**
     * Axe-core (550 kB of script) is handed to the browser once, to run in every page it opens from then on, instead of
     * once per check; a page opened before that, or without it, gets it now.
     */
    private static void provideAxe(WebDriver driver) {
        String script = axeScript();
        if (driver instanceof org.openqa.selenium.chromium.HasCdp cdp && AXE_ON_EVERY_PAGE.add(driver)) {
            cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", script));
        }
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return !!window.axe && typeof window.axe.run === 'function';"))) {
            js.executeScript(script);
        }
    }

    private static List<String> violations(AxeBuilder axe, WebDriver driver, String page) {
        return axe.analyze(driver).getViolations().stream()
                .map(rule -> page + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .toList();
    }

    /**
     * What every accessibility crawl checks on a page: the language and direction the page says it is in, no sideways
     * scrolling at the window's width, and axe-core's WCAG 2.1 A/AA rules (the colour rules in {@link #ALL_RULES}).
     */
    static List<String> pageProblems(WebDriver driver, eu.impactlab.labs.Language language, String page) {
        List<String> problems = new java.util.ArrayList<>();
        org.openqa.selenium.WebElement html = driver.findElement(org.openqa.selenium.By.tagName("html"));
        if (!language.htmlLang().equals(html.getAttribute("lang")) || !language.direction().equals(html.getAttribute("dir"))) {
            problems.add(page + ": html lang/dir is " + html.getAttribute("lang") + "/" + html.getAttribute("dir"));
        }
        problems.addAll(Layout.fitsTheWidth(driver, page));
        problems.addAll(axeViolations(driver, language, page));
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
