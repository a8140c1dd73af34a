package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import eu.impactlab.AbstractIntegrationTest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * Every public citizen page, reached by links from the start page with {@code ?lang=ls}, is German to the browser
 * ({@code lang="de"}) with the Leichte Sprache look, and is either all Leichte Sprache (then its visible text keeps
 * the rules) or says near its top that a part is still in standard German.
 */
class EasyLanguagePagesTest extends AbstractIntegrationTest {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern MAIN = Pattern.compile("(?s)<main[^>]*>(.*)</main>");
    private static final String NOTE = "class=\"notice ls-note\"";

    @Test
    void everyPublicPageIsLeichteSpracheOrSaysWhichPartIsNot() throws Exception {
        MockHttpSession session = new MockHttpSession();
        Set<String> visited = new LinkedHashSet<>();
        Map<String, Integer> variants = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> germanKeys = new java.util.TreeMap<>();
        EasyLanguageRules allPages = new EasyLanguageRules();
        while (!queue.isEmpty() && visited.size() < 80) {
            String path = queue.poll();
            String step = (path.contains("?") ? path.substring(0, path.indexOf('?')) : path).replaceAll("/\\d+", "/{id}")
                    .replaceAll("^/labs/[^/]+/", "/labs/{slug}/");
            if (visited.contains(path) || variants.merge(step, 1, Integer::sum) > 2) {
                continue;
            }
            visited.add(path);
            MvcResult result = mvc.perform(get(path).param("lang", "ls").session(session)).andReturn();
            if (result.getResponse().getStatus() != 200) {
                problems.add(path + ": status " + result.getResponse().getStatus());
                continue;
            }
            String html = result.getResponse().getContentAsString();
            if (!html.contains("<html lang=\"de\" dir=\"ltr\"")) {
                problems.add(path + ": not <html lang=\"de\" dir=\"ltr\">");
            }
            if (!path.endsWith("/now-serving") && !html.contains("class=\"lang-ls\"")) {
                problems.add(path + ": no lang-ls class");
            }
            EasyLanguagePage page = (EasyLanguagePage) result.getRequest().getAttribute(EasyLanguagePage.class.getName());
            boolean german = page != null && page.anyGerman();
            if (german && !path.endsWith("/now-serving") && count(html, NOTE) != 1) {
                problems.add(path + ": standard German without the note (or the note more than once)");
            }
            if (!german) {
                assertThat(html).as(path).doesNotContain(NOTE);
                EasyLanguageRules rules = new EasyLanguageRules();
                rules.check(path, visibleText(html));
                allPages.check(path, visibleText(html));
                rules.errors.forEach(e -> problems.add(e.toString()));
                if (rules.averageWords() > EasyLanguageRules.MAX_AVERAGE_WORDS) {
                    problems.add(path + ": " + rules.averageWords() + " words per sentence on average");
                }
            }
            if (page != null) {
                page.germanKeys().forEach(key -> germanKeys.computeIfAbsent(key, k -> new TreeSet<>()).add(step));
            }
            Matcher links = LINK.matcher(html);
            while (links.find()) {
                String next = HtmlUtils.htmlUnescape(links.group(1));
                if (citizenPage(next) && !visited.contains(next)) {
                    queue.add(next);
                }
            }
        }
        System.out.println("Leichte Sprache: keys still shown in standard German, with the pages that show them:");
        germanKeys.forEach((key, pages) -> System.out.println("  " + key + " " + pages));
        assertThat(visited).contains("/", "/labs", "/labs/groepelingen", "/book", "/book/topic", "/courses",
                "/privacy", "/accessibility").anyMatch(p -> p.startsWith("/book/contact?"))
                .anyMatch(p -> p.matches("/courses/\\d+"));
        assertThat(problems).as("Leichte Sprache problems on " + visited).isEmpty();
        Set<String> core = new TreeSet<>(germanKeys.keySet());
        core.retainAll(coreKeys());
        assertThat(core).as("texts of the core citizen flows still in standard German, with their pages: "
                + germanKeys.entrySet().stream().filter(e -> core.contains(e.getKey())).toList()).isEmpty();
    }

    /** The keys of the bundles whose citizen texts this project keeps complete in Leichte Sprache. */
    static Set<String> coreKeys() throws java.io.IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : CORE_BUNDLES) {
            java.util.Properties german = new java.util.Properties();
            try (var in = EasyLanguagePagesTest.class.getResourceAsStream("/" + bundle + ".properties")) {
                german.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            keys.addAll(german.stringPropertyNames());
        }
        return keys;
    }

    /** The core flows: start page, labs, booking help, walk-in, courses, accessibility statement. */
    static final List<String> CORE_BUNDLES = List.of("messages", "i18n/site", "i18n/flows", "i18n/input",
            "i18n/courses", "i18n/security", "i18n/staff");

    static boolean citizenPage(String path) {
        return !path.matches("/(admin|staff|login|logout|api|webjars|css|js|img|fonts|impact|partners/portal|account).*")
                && !path.matches(".*\\.(ics|pdf|svg|png|css|js|json|csv|atom)(\\?.*)?") && !path.contains("lang=");
    }

    /** The text a reader sees in main, one block a line. */
    static String visibleText(String html) {
        Matcher main = MAIN.matcher(html);
        String body = main.find() ? main.group(1) : html;
        body = body.replaceAll("(?s)<(script|style|svg|template)[^>]*>.*?</\\1>", " ")
                // words in other languages (the board's turns, a language's own name) are not Leichte Sprache
                .replaceAll("(?s)<(span|a|li|p|option|bdi)\\b[^>]*\\slang=\"(?!de\")[^\"]*\"[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</?(p|li|dd|dt|h[1-6]|div|section|legend|label|td|th|tr|button|a|option|figcaption|summary|ul|ol|dl|table|form|fieldset|header|footer|nav|article)\\b[^>]*>", "\n")
                .replaceAll("(?s)<[^>]+>", " ");
        StringBuilder text = new StringBuilder();
        for (String line : HtmlUtils.htmlUnescape(body).split("\\n")) {
            String clean = line.replaceAll("[\\s\\u00a0]+", " ").strip();
            if (!clean.isEmpty()) {
                text.append(clean).append('\n');
            }
        }
        return text.toString();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
