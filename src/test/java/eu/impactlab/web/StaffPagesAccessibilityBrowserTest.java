package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff serve people between two other tasks, often on a tablet: their pages, including a form that shows errors,
 * pass the same axe-core WCAG 2.1 A/AA check, here in German and in Arabic (right to left), fit tablet and desktop
 * widths, and every crawled page's HTML passes html-validate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffPagesAccessibilityBrowserTest extends AbstractIntegrationTest {

    private static WebDriver driver;
    private static Markup markup;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(768, 1024);
        markup = new Markup("staff");
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"de", "ar"})
    void staffPagesPassAxe(String language) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl() + "/login?lang=" + language);
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin$"));

        // A course with a session today, people on it and one on the waitlist, so the course pages have content.
        long course = coursesForTheCrawl();

        List<String> problems = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        Set<String> coursePatterns = new java.util.HashSet<>();
        java.util.Map<String, Integer> dayVariants = new java.util.HashMap<>();
        java.util.Map<String, Integer> pageVariants = new java.util.HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/admin"));
        // The page with an appointment's contact details is linked only from a day with appointments: book one, visit it.
        String contactPage = "/staff/appointments/" + appointmentWithContact() + "/contact";
        queue.add(contactPage);
        while (!queue.isEmpty()) {
            String path = queue.poll();
            // The helper's day links the day before and after without end: today and its neighbours are enough.
            if (visited.contains(path) || (path.startsWith("/staff/day?") && dayVariants.merge("day", 1, Integer::sum) > 2)) {
                continue;
            }
            // Every course has the same pages: one course's are enough, and PDFs are no pages.
            if ((path.matches("/(admin|staff)/courses/\\d.*") && !coursePatterns.add(path.replaceAll("\\d+", "#")))
                    || path.endsWith(".pdf")) {
                continue;
            }
            // Every idea, partner request, machine or account has the same pages too, and filters only change a list:
            // two of each page (three of a list's filters) are enough.
            String page = path.replaceAll("\\d+", "#");
            boolean numbered = !page.equals(path);
            page = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
            if (!path.startsWith("/staff/day") && pageVariants.merge(page, 1, Integer::sum) > (numbered ? 2 : 3)) {
                continue;
            }
            visited.add(path);
            driver.get(baseUrl() + path);
            check(path, problems);
            problems.addAll(Layout.smallTargets(driver, path, "main .back-link, main .task-list a"));
            markup.save(language + path, baseUrl() + path, driver);
            for (String href : Browser.linkTargets(driver, "main a[href]")) {
                String next = staffPage(href);
                if (next != null && !visited.contains(next)) {
                    queue.add(next);
                }
            }
        }

        // A form with errors: the error summary and the marked fields must be accessible too.
        driver.get(baseUrl() + "/admin/labs/groepelingen/hours");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('days-0-opens1').value = '18:00';"
                + "document.getElementById('days-0-closes1').value = '09:00';");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        check("/admin/labs/groepelingen/hours (with errors)", problems);

        // A closure on a day with a course session: the bookings it would affect, each with its tick box, before saving.
        java.time.LocalDate courseDay = jdbc.sql("""
                select (s.starts_at at time zone 'Europe/Berlin')::date from course_session s join course c on c.id = s.course_id
                where c.room = 'Kursraum 1 (Erdgeschoss)' and c.status = 'PUBLISHED' and s.starts_at > now() + interval '1 day'
                order by s.starts_at limit 1""").query(java.time.LocalDate.class).single();
        driver.get(baseUrl() + "/admin/labs/groepelingen/closures/new");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('day').value = arguments[0];", courseDay.toString());
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#affected input[name=cancel]")).isEmpty());
        check("/admin/labs/groepelingen/closures (affected bookings)", problems);
        problems.addAll(Layout.wordsBrokenInTables(driver, "/admin/labs/groepelingen/closures (affected bookings)"));

        // The helper's day with a freshly drawn number, and the outcome form of a served walk-in with errors.
        driver.get(baseUrl() + "/staff/day");
        driver.findElement(By.cssSelector("#queue-groepelingen .tap-buttons button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".number-panel")).isEmpty());
        check("/staff/day (number drawn)", problems);
        problems.addAll(Layout.wordsBrokenInTables(driver, "/staff/day (number drawn)"));
        problems.addAll(Layout.smallTargets(driver, "/staff/day (number drawn)", ".queue > p a"));
        // The same day on a tablet held sideways and on a desktop, and a sample of other staff pages.
        try {
            for (int width : new int[] {1024, 1280}) {
                driver.manage().window().setSize(new Dimension(width, 768));
                for (String page : List.of("/staff/day", "/admin", "/admin/courses", "/admin/labs/groepelingen/hours", "/staff/courses")) {
                    driver.get(baseUrl() + page);
                    problems.addAll(Layout.fitsTheWidth(driver, page));
                    problems.addAll(Layout.wordsBrokenInTables(driver, page));
                }
            }
        } finally {
            driver.manage().window().setSize(new Dimension(768, 1024));
        }
        driver.get(baseUrl() + "/staff/day");
        driver.findElement(By.cssSelector("form[action='/staff/labs/groepelingen/call-next'] button")).click();
        // htmx swaps the lab's queue in place: wait for the called number's serve button, and the focus on the result.
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("#queue-groepelingen form[action$='/served'] button")).isEmpty());
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "queue-result-groepelingen".equals(d.switchTo().activeElement().getAttribute("id")));
        check("/staff/day (number called)", problems);
        driver.findElement(By.cssSelector("#queue-groepelingen form[action$='/served'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/staff/tickets/\\d+/outcome$"));
        check("outcome form", problems);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelectorAll('#topics input[type=checkbox]').forEach(function (c) { c.checked = false; });"
                + "document.getElementById('minutes').value = '';");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        check("outcome form (with errors)", problems);

        // The course form with errors, and a session's attendance after a tick.
        driver.get(baseUrl() + "/admin/courses/new");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('capacity').value = 'viele';");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        check("/admin/courses/new (with errors)", problems);
        long today = jdbc.sql("select min(id) from course_session where course_id = ?").param(course).query(Long.class).single();
        driver.get(baseUrl() + "/staff/courses/" + course + "/sessions/" + today);
        int present = driver.findElements(By.cssSelector(".is-present")).size();
        List<WebElement> absent = driver.findElements(By.cssSelector("main .attendance-person:not(.is-present) button.toggle"));
        if (!absent.isEmpty()) {
            absent.get(0).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".is-present")).size() > present);
        }
        check("attendance (ticked)", problems);
        // Claim slips for those who completed: the printable page a helper gets from the attendance page.
        jdbc.sql("""
                update course_registration set completed_at = coalesce(completed_at, now())
                where id = (select min(id) from course_registration where course_id = ? and status = 'CONFIRMED')""")
                .param(course).update();
        driver.get(baseUrl() + "/staff/courses/" + course + "/sessions/" + today);
        driver.findElement(By.cssSelector("main > form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("main .claim-slip")).isEmpty());
        check("claim slips", problems);

        assertThat(visited).contains("/admin/courses", "/admin/courses/new", "/staff/courses");
        assertThat(coursePatterns).contains("/admin/courses/#", "/admin/courses/#/edit", "/admin/courses/#/participants",
                "/admin/courses/#/attendance-list", "/admin/courses/#/copy", "/admin/courses/#/cancel", "/admin/courses/#/badge",
                "/staff/courses/#/sessions/#");
        assertThat(visited).contains("/admin", "/admin/labs", "/admin/labs/groepelingen", "/admin/labs/groepelingen/hours",
                "/admin/accounts", "/admin/accounts/new", "/admin/account", "/staff/day", "/admin/privacy",
                "/admin/privacy/register", "/admin/privacy/audit", "/admin/badges");
        assertThat(pageVariants).containsKeys("/staff/equipment", "/admin/equipment", "/admin/equipment/#/machines/#/texts");
        assertThat(visited).as("the contact page was checked").contains(contactPage);
        assertThat(problems).as("accessibility problems on staff pages in " + language).isEmpty();
    }

    /** The HTML of every staff page crawled above, in German and Arabic, passes html-validate's recommended rules. */
    @Order(2)
    @Test
    void everyCrawledStaffPageIsValidHtml() {
        assertThat(markup.problems()).as("html-validate findings on the crawled staff pages").isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A course at Gröpelingen with a session today; created once, it shows first in the admin's list. */
    private long coursesForTheCrawl() {
        java.util.Optional<Long> existing = jdbc.sql("select course_id from course_text where title = 'Barrierefrei geprüft'")
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long lab = jdbc.sql("select id from lab where slug = 'groepelingen'").query(Long.class).single();
        long course = jdbc.sql("insert into course (status, lab_id, language, capacity, confirmed_count, room) values ('PUBLISHED', ?, 'de', 2, 2, 'Raum 1') returning id")
                .param(lab).query(Long.class).single();
        jdbc.sql("insert into course_text (course_id, language, title, summary) values (?, 'de', 'Barrierefrei geprüft', 'Ein Kurs.')")
                .param(course).update();
        jdbc.sql("insert into course_target_group (course_id, target_group) values (?, 'SENIORS')").param(course).update();
        java.time.ZonedDateTime start = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).atTime(0, 30)
                .atZone(java.time.ZoneId.of("Europe/Berlin"));
        jdbc.sql("insert into course_session (course_id, starts_at, ends_at) values (?, ?, ?)")
                .params(course, java.sql.Timestamp.from(start.toInstant()), java.sql.Timestamp.from(start.plusHours(1).toInstant())).update();
        jdbc.sql("insert into course_session (course_id, starts_at, ends_at) values (?, ?, ?)")
                .params(course, java.sql.Timestamp.from(start.plusWeeks(1).toInstant()), java.sql.Timestamp.from(start.plusWeeks(1).plusHours(1).toInstant())).update();
        String[][] people = {{"ليلى أحمد", "CONFIRMED"}, {"Олена Коваленко", "CONFIRMED"}, {"Mehmet Demir", "WAITLISTED"}};
        for (String[] person : people) {
            jdbc.sql("""
                    insert into course_registration (course_id, status, waitlisted_at, name, email, ui_language, manage_token_hash)
                    values (?, ?, ?, ?, 'person@example.org', 'de', md5(random()::text) || md5(random()::text))""")
                    .params(course, person[1], "WAITLISTED".equals(person[1]) ? java.sql.Timestamp.from(java.time.Instant.now()) : null,
                            person[0]).update();
        }
        return course;
    }

    private void check(String path, List<String> problems) {
        problems.addAll(Browser.axeViolations(driver, path));
    }

    @org.springframework.beans.factory.annotation.Autowired
    eu.impactlab.consultations.ConsultationService consultations;

    private long appointmentWithContact() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        for (eu.impactlab.consultations.Slot slot : consultations.freeSlots("groepelingen", "smartphone", "de", today, today.plusDays(20))) {
            if (slot.modes().contains(eu.impactlab.consultations.Mode.IN_PERSON) && consultations.book(new eu.impactlab.consultations.BookingRequest(
                    "groepelingen", "smartphone", "de", slot.start().toOffsetDateTime(), eu.impactlab.consultations.Mode.IN_PERSON,
                    "Kontakt Crawl", "kontakt.crawl@example.org", "0421 555 0102", true, "de", null))
                    instanceof eu.impactlab.consultations.BookingOutcome.Booked booked) {
                return jdbc.sql("select id from appointment where code = ?").param(booked.appointment().code()).query(Long.class).single();
            }
        }
        throw new IllegalStateException("no free time in Gröpelingen for the contact page");
    }

    /** Staff pages reachable by links, without language switches. */
    private String staffPage(String href) {
        if (href == null) {
            return null;
        }
        URI uri = URI.create(href);
        if (!"localhost".equals(uri.getHost()) || uri.getPort() != port || !(uri.getPath().startsWith("/admin") || uri.getPath().startsWith("/staff"))
                || (uri.getQuery() != null && uri.getQuery().contains("lang=")) || uri.getPath().endsWith(".pdf")) {
            return null;
        }
        return uri.getQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getQuery();
    }
}
