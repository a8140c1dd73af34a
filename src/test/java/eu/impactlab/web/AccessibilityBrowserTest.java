package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.SecretTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visits every public page reachable by links from the home page, in each of the seven languages, on a 320 px wide
 * screen, and fails on any axe-core WCAG 2.1 A/AA violation (colour rules in German, Arabic and Leichte Sprache, see
 * {@link Browser#ALL_RULES}), a wrong lang/dir, content that scrolls sideways, or a
 * header without booking help; at the end every visited page's HTML must pass html-validate. A sample of pages is
 * also checked at tablet and desktop widths.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;
    private static Markup markup;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(320, 800);
        markup = new Markup("public");
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
            // The booking steps differ only in their answers, course pages only in their course: two variants of each
            // are enough to check.
            // A lab's own pages (machines, now serving, ideas) are the same template for every lab: two labs suffice.
            String step = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).replaceAll("/\\d+", "/{id}")
                    .replaceAll("^/labs/[^/]+/", "/labs/{slug}/");
            if (variants.merge(step, 1, Integer::sum) > 2) {
                continue;
            }
            visited.add(path);
            driver.get(baseUrl() + path);
            WebElement html = driver.findElement(By.tagName("html"));
            if (!language.htmlLang().equals(html.getAttribute("lang")) || !language.direction().equals(html.getAttribute("dir"))) {
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
            if (!path.endsWith("/now-serving")) { // the lab's TV board is a full screen without the site's header
                problems.addAll(Layout.bookingHelpInHeader(driver, path));
            }
            problems.addAll(Layout.smallTargets(driver, path, "main .back-link"));
            problems.addAll(Browser.axeViolations(driver, language, path));
            if (language == Language.LS && !path.endsWith("/now-serving")) {
                problems.addAll(easyLanguageLook(path));
            }
            if (language == Language.LS && path.matches("/book/(topic|language|lab|time|contact)\\b.*|/skills|/machines/\\d+")) {
                problems.addAll(stepPicture(path));
            }
            markup.save(language.tag() + path, baseUrl() + path, driver);
            for (String href : Browser.linkTargets(driver, "a[href]")) {
                String next = samePublicPage(href);
                if (next != null && !visited.contains(next)) {
                    queue.add(next);
                }
            }
        }
        assertThat(visited).as("pages visited in " + language.tag())
                .contains("/", "/labs", "/labs/groepelingen", "/labs/vegesack", "/labs/osterholz", "/login", "/book",
                        "/book/topic")
                .anyMatch(p -> p.startsWith("/book/time?"))
                .anyMatch(p -> p.startsWith("/book/contact?"))
                .contains("/courses")
                .anyMatch(p -> p.matches("/courses/\\d+"))
                .anyMatch(p -> p.matches("/courses/\\d+/register"));
        assertThat(problems).as("accessibility problems in " + language.tag() + " on " + visited).isEmpty();
    }

    /**
     * The course registration, one question per page, walked with the keyboard's worth of clicks: every step, an error,
     * the confirmation, and the manage link's "are you sure" pages pass axe and fit 320 px.
     */
    @Order(2)
    @ParameterizedTest
    @MethodSource("languages")
    void everyCourseRegistrationStepPassesAxeInThisLanguage(Language language) {
        long course = registrationCourse();
        driver.manage().deleteAllCookies();
        List<String> problems = new ArrayList<>();
        driver.get(baseUrl() + "/courses/" + course + "?lang=" + language.tag());
        check("course page", language, problems);
        markup.save(language.tag() + "-registration-course", baseUrl() + "/courses/" + course, driver);
        // The schema.org data block reaches the browser whole under the Content-Security-Policy.
        assertThat(((JavascriptExecutor) driver).executeScript(
                "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type'];"))
                .isEqualTo("Event");
        driver.get(baseUrl() + driver.findElement(By.cssSelector("a[href='/courses/" + course + "/register']")).getDomAttribute("href"));
        check("name", language, problems);
        markup.save(language.tag() + "-registration-name", driver.getCurrentUrl(), driver);
        submitMainForm();
        assertThat(driver.findElements(By.cssSelector(".error-summary"))).as("an empty name is an error").isNotEmpty();
        check("name with error", language, problems);
        driver.findElement(By.id("name")).sendKeys(language == Language.AR ? "سارة" : "Sam");
        submitMainForm();
        check("contact", language, problems);
        driver.findElement(By.id("email")).sendKeys("sam@example.org");
        submitMainForm();
        check("about you", language, problems);
        driver.findElement(By.cssSelector("label[for='ageBand-FROM_30_TO_44']")).click();
        submitMainForm();
        check("consent", language, problems);
        driver.findElement(By.cssSelector("label[for='consent']")).click();
        submitMainForm();
        check("check", language, problems);
        submitMainForm();
        assertThat(driver.getCurrentUrl()).contains("/courses/registrations/");
        check("done", language, problems);
        markup.save(language.tag() + "-registration-done", driver.getCurrentUrl(), driver);
        String manage = driver.getCurrentUrl().replace("?registered", "");
        driver.get(manage + "/cancel");
        check("cancel?", language, problems);
        markup.save(language.tag() + "-registration-cancel", driver.getCurrentUrl(), driver);
        driver.get(manage + "/delete-data");
        check("delete data?", language, problems);
        markup.save(language.tag() + "-registration-delete", driver.getCurrentUrl(), driver);
        // "What we store about you" behind the same link, its "are you sure" page, and the privacy notices
        String token = manage.substring(manage.lastIndexOf('/') + 1);
        for (String page : List.of("/privacy/my-data/" + token, "/privacy/my-data/" + token + "/delete",
                "/privacy/notice/course-registration", "/privacy/notice/booking")) {
            driver.get(baseUrl() + page);
            check(page, language, problems);
            markup.save(language.tag() + page.replace(token, "token"), driver.getCurrentUrl(), driver);
        }
        driver.get(baseUrl() + "/courses/registrations/" + pastRegistration(language));
        assertThat(driver.findElements(By.name("score"))).as("the five faces after the course").hasSize(5);
        check("feedback", language, problems);
        markup.save(language.tag() + "-registration-feedback", driver.getCurrentUrl(), driver);
        assertThat(problems).as("accessibility problems of the course registration in " + language.tag()).isEmpty();
    }

    /**
     * Tablets and desktops: at 1024 px (a tablet held sideways) and 1280 px a sample of pages keeps side margins, shows
     * the whole header and does not scroll sideways, in German and in Arabic (right to left).
     */
    @Order(3)
    @ParameterizedTest
    @ValueSource(strings = {"de", "ar"})
    void samplePagesFitTabletAndDesktopWidths(String language) {
        List<String> pages = List.of("/", "/labs", "/labs/groepelingen", "/courses", "/courses/" + registrationCourse(),
                "/book", "/book/topic", "/login", "/privacy");
        List<String> problems = new ArrayList<>();
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/?lang=" + language);
        try {
            for (int width : new int[] {1024, 1280}) {
                driver.manage().window().setSize(new Dimension(width, 768));
                for (String page : pages) {
                    driver.get(baseUrl() + page);
                    problems.addAll(Layout.fitsTheWidth(driver, page));
                    problems.addAll(Layout.bookingHelpInHeader(driver, page));
                }
            }
        } finally {
            driver.manage().window().setSize(new Dimension(320, 800));
        }
        assertThat(problems).as("layout problems at 1024 and 1280 px in " + language).isEmpty();
    }

    /** The HTML of every page the tests above visited, in all seven languages, passes html-validate's recommended rules. */
    @Order(4)
    @Test
    void everyVisitedPageIsValidHtml() {
        assertThat(markup.problems()).as("html-validate findings on the visited pages").isEmpty();
    }

    /** Presses the page's main button (its last form's) and waits for the next page. */
    private void submitMainForm() {
        ((JavascriptExecutor) driver).executeScript("window.previousPage = true;");
        List<WebElement> forms = driver.findElements(By.cssSelector("main form"));
        forms.get(forms.size() - 1).findElement(By.cssSelector("button[type=submit]")).click();
        // The mark is gone once the next page has loaded (it lived in the previous page's window).
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(w -> Boolean.TRUE.equals(((JavascriptExecutor) w).executeScript(
                        "return !window.previousPage && document.readyState === 'complete';")));
    }

    private void check(String page, Language language, List<String> problems) {
        problems.addAll(Browser.pageProblems(driver, language, page));
        if (language == Language.LS) {
            problems.addAll(easyLanguageLook(page));
        }
    }

    /** The key step's picture is there beside its heading, drawn large enough to see, and hidden from screen readers. */
    private List<String> stepPicture(String page) {
        Object found = ((JavascriptExecutor) driver).executeScript("""
                var pictures = document.querySelectorAll('main svg.step-picture');
                // a machine without free times has no reservation form, so no step to draw
                if (location.pathname.startsWith('/machines/') && !document.querySelector('main form[action$="/reserve"]')) return '';
                if (pictures.length !== 1) return pictures.length + ' step pictures';
                var p = pictures[0], r = p.getBoundingClientRect(), heading = p.nextElementSibling;
                if (p.getAttribute('aria-hidden') !== 'true') return 'step picture not aria-hidden';
                if (r.width < 40 || r.height < 40) return 'step picture ' + r.width + ' x ' + r.height + ' px';
                if (!heading || !/^H[12]$/.test(heading.tagName)) return 'step picture not beside a heading';
                var h = heading.getBoundingClientRect();
                if (h.top > r.bottom) return 'heading below the step picture';
                return '';""");
        return found == null || found.toString().isEmpty() ? List.of() : List.of(page + ": " + found);
    }

    /**
     * The look Leichte Sprache asks for, as the browser computed it for the text in main: at least 18 px, line height
     * at least 1.5, left-aligned, no italics, no automatic hyphenation, and line breaks kept (one sentence a line).
     */
    private List<String> easyLanguageLook(String page) {
        Object found = ((JavascriptExecutor) driver).executeScript("""
                var out = [];
                if (!document.documentElement.classList.contains('lang-ls')) out.push('html has no lang-ls class');
                document.querySelectorAll('main p, main li, main dd, main label, main h1, main h2, main h3').forEach(function (e) {
                  if (out.length > 5 || !e.textContent.trim()) return;
                  var s = getComputedStyle(e), size = parseFloat(s.fontSize);
                  var line = s.lineHeight === 'normal' ? 1.2 * size : parseFloat(s.lineHeight);
                  var what = e.tagName + ' "' + e.textContent.trim().substring(0, 30) + '"';
                  if (size < 18) out.push(what + ': ' + size + ' px');
                  if (line < 1.5 * size - 0.5) out.push(what + ': line height ' + line + ' px');
                  if (s.fontStyle !== 'normal') out.push(what + ': ' + s.fontStyle);
                  if (s.textAlign !== 'left' && s.textAlign !== 'start') out.push(what + ': aligned ' + s.textAlign);
                  if (s.hyphens !== 'none' && s.webkitHyphens !== 'none') out.push(what + ': hyphens ' + s.hyphens);
                  if (/^(P|LI|DD)$/.test(e.tagName) && s.whiteSpace !== 'pre-line') out.push(what + ': white-space ' + s.whiteSpace);
                });
                return out.join('; ');""");
        return found == null || found.toString().isEmpty() ? List.of() : List.of(page + ": Leichte Sprache look: " + found);
    }

    @Autowired
    JdbcClient jdbc;

    private static Long registrationCourse;

    /** A roomy course of its own, so seven registrations change nothing the other tests look at. */
    private synchronized long registrationCourse() {
        if (registrationCourse == null) {
            long lab = jdbc.sql("select id from lab where slug = 'vegesack'").query(Long.class).single();
            registrationCourse = jdbc.sql("insert into course (status, lab_id, language, capacity, room) values ('PUBLISHED', ?, 'de', 100, 'Raum 2') returning id")
                    .params(lab).query(Long.class).single();
            jdbc.sql("insert into course_text (course_id, language, title, summary) values (?, 'de', ?, ?)")
                    .params(registrationCourse, "Barrierefrei anmelden", "Ein Kurs für den Browsertest.").update();
            jdbc.sql("insert into course_target_group (course_id, target_group) values (?, 'NEWCOMERS')").param(registrationCourse).update();
            jdbc.sql("insert into course_competence (course_id, competence) values (?, '1.1')").param(registrationCourse).update();
            jdbc.sql("""
                    insert into course_session (course_id, starts_at, ends_at)
                    values (?, date_trunc('day', now()) + interval '10 days 9 hours', date_trunc('day', now()) + interval '10 days 11 hours')""")
                    .param(registrationCourse).update();
        }
        return registrationCourse;
    }

    /** A seat in a course that is over, so its manage page asks "Did this help you?"; returns the link's token. */
    private String pastRegistration(Language language) {
        String token = "feedback-page-" + language.tag() + "-" + System.nanoTime();
        long lab = jdbc.sql("select id from lab where slug = 'osterholz'").query(Long.class).single();
        long course = jdbc.sql("insert into course (status, lab_id, language, capacity, confirmed_count) values ('PUBLISHED', ?, 'de', 10, 1) returning id")
                .params(lab).query(Long.class).single();
        jdbc.sql("insert into course_text (course_id, language, title) values (?, 'de', 'Vorbei und gut')").param(course).update();
        jdbc.sql("""
                insert into course_session (course_id, starts_at, ends_at)
                values (?, now() - interval '3 days', now() - interval '3 days' + interval '2 hours')""").param(course).update();
        jdbc.sql("""
                insert into course_registration (course_id, status, name, ui_language, manage_token_hash, confirmed_at)
                values (?, 'CONFIRMED', 'Rückblick', ?, ?, now() - interval '10 days')""")
                .params(course, language.tag(), SecretTokens.hash(token)).update();
        return token;
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
        if (path.startsWith("/admin") || path.startsWith("/logout") || path.startsWith("/password") || path.endsWith(".ics")
                || path.endsWith(".atom") || path.startsWith("/api/")) { // feeds and open data are no pages
            return null;
        }
        String query = uri.getQuery();
        if (query != null && query.contains("lang=")) {
            return null;
        }
        return query == null ? path : path + "?" + query;
    }
}
