package eu.impactlab.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;

/**
 * The markup check of the crawling browser tests: each crawled page's HTML as the server sent it is saved into
 * target/markup/&lt;test&gt;/, and one html-validate run (tools/markup, rules in tools/markup/htmlvalidate.config.mjs) checks
 * the whole folder at the end, because one node process for all pages costs seconds where one per page costs minutes.
 * Without the tool the check is skipped with a clear message; with CI=true a missing tool fails the build.
 */
final class Markup {

    static final Path TOOL = Path.of("tools/markup");
    static final Path VALIDATOR = TOOL.resolve("node_modules/html-validate/bin/html-validate.mjs");
    static final Path CONFIG = TOOL.resolve("htmlvalidate.config.mjs");

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Path folder;

    /** A fresh, empty folder for one test class's pages. */
    Markup(String testName) {
        folder = Path.of("target/markup", testName);
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> old = Files.list(folder)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves the HTML the server sends for this address with the browser's cookies (language, session): the browser's
     * own page source is its DOM, re-serialised, which is not the markup the server wrote.
     */
    void save(String name, String url, WebDriver driver) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String file = name.replaceAll("[^A-Za-z0-9_-]+", "_");
            Files.writeString(folder.resolve(file + ".html"), response.body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The validator's findings over all saved pages, one line each; empty when every page is valid. */
    List<String> problems() {
        if (!Files.isRegularFile(VALIDATOR) || !nodeRuns()) {
            String message = "The markup check needs html-validate in " + TOOL + " (npm ci --prefix tools/markup, Node 20)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but html-validate is missing. " + message);
            }
            System.err.println("SKIPPED markup check: " + message);
            Assumptions.abort("html-validate not installed: " + message);
        }
        List<Path> pages;
        try (Stream<Path> files = Files.list(folder)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Assertions.assertFalse(pages.isEmpty(), "no pages saved in " + folder + ": run the whole test class");
        List<String> command = new ArrayList<>(List.of("node", VALIDATOR.toString(), "--config", CONFIG.toString(),
                "--formatter", "text", "--max-warnings", "0", folder.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                Assertions.fail("html-validate did not finish");
            }
            System.out.println("html-validate checked " + pages.size() + " pages in " + folder + ", exit " + process.exitValue());
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            if (process.exitValue() != 0 && lines.isEmpty()) {
                return List.of("html-validate failed with exit code " + process.exitValue());
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
