package eu.impactlab.web;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** What a person notices of a page's layout at the browser's current width, as readable problem lines. */
final class Layout {

    private Layout() {
    }

    /** The header offers booking help on every page, fully on screen. */
    static List<String> bookingHelpInHeader(WebDriver driver, String page) {
        Object found = ((JavascriptExecutor) driver).executeScript(
                "var a = document.querySelector('.site-header a[href=\"/book\"]'); if (!a) return 'missing';"
                + "var r = a.getBoundingClientRect(), w = document.documentElement.clientWidth;"
                + "return r.width > 0 && r.left >= 0 && r.right <= w ? 'ok' : 'off screen at ' + Math.round(r.left) + '..' + Math.round(r.right);");
        return "ok".equals(found) ? List.of() : List.of(page + ": \"Book help\" in the header is " + found);
    }

    /**
     * No sideways scrolling, every header link and button fully visible, and a side margin of at least 8 px between the
     * window's edges and the header's and the main content's text.
     */
    static List<String> fitsTheWidth(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        List<String> problems = new ArrayList<>();
        long width = (Long) js.executeScript("return document.documentElement.clientWidth;");
        Long overflow = (Long) js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (overflow != null && overflow > 0) {
            Object culprits = js.executeScript(
                    "var w = document.documentElement.clientWidth, out = [];"
                    + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                    + " if ((r.right > w + 1 || r.left < -1) && out.length < 5) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); });"
                    + "return out.join('; ');");
            problems.add(page + ": scrolls sideways by " + overflow + " px at " + width + " px (" + culprits + ")");
        }
        Object cut = js.executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('.site-header a, .site-header button').forEach(function (e) {"
                + " var r = e.getBoundingClientRect(); if (r.width > 0 && (r.left < 0 || r.right > w)) out.push(e.textContent.trim()); });"
                + "return out.join(', ');");
        if (!"".equals(cut)) {
            problems.add(page + ": header links cut off at " + width + " px: " + cut);
        }
        Object margins = js.executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('.site-header .brand, .site-header .main-nav li, main h1, main > p').forEach(function (e) {"
                + " var r = e.getBoundingClientRect(); if (r.width > 0 && (r.left < 8 || r.right > w - 8))"
                + "  out.push(e.tagName.toLowerCase() + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); });"
                + "return out.join(', ');");
        if (!"".equals(margins)) {
            problems.add(page + ": no side margin at " + width + " px: " + margins);
        }
        return problems;
    }

    /** Cells of tables in main whose words break inside a word (a word's letters on two lines; after a hyphen is fine). */
    static List<String> wordsBrokenInTables(WebDriver driver, String page) {
        Object broken = ((JavascriptExecutor) driver).executeScript(
                "var out = [];"
                + "document.querySelectorAll('main table th, main table td').forEach(function (cell) {"
                + " var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), node;"
                + " while ((node = walker.nextNode())) { var re = /[^\\s-]+/g, m;"
                + "  while ((m = re.exec(node.data))) { var range = document.createRange();"
                + "   range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);"
                + "   var lines = new Set(Array.from(range.getClientRects()).filter(function (r) { return r.width > 0; })"
                + "     .map(function (r) { return Math.round(r.top); }));"
                + "   if (lines.size > 1 && out.length < 10) out.push(m[0]); } } });"
                + "return out.join(', ');");
        return "".equals(broken) ? List.of() : List.of(page + ": words broken across lines in tables: " + broken);
    }

    /** Links and buttons in main that offer less than 44 × 44 px to tap (WCAG 2.5.5), for the given selector. */
    static List<String> smallTargets(WebDriver driver, String page, String selector) {
        Object small = ((JavascriptExecutor) driver).executeScript(
                "var out = []; document.querySelectorAll(arguments[0]).forEach(function (e) {"
                + " var r = e.getBoundingClientRect(); if (r.width > 0 && (r.width < 44 || r.height < 44))"
                + "  out.push(e.textContent.trim() + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); });"
                + "return out.join(', ');", selector);
        return "".equals(small) ? List.of() : List.of(page + ": targets smaller than 44 x 44 px: " + small);
    }
}
