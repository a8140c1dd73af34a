package eu.impactlab.web;

import eu.impactlab.easylanguage.EasyLanguageChecks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.thymeleaf.spring6.view.AbstractThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.unbescape.html.HtmlEscape;

/**
 * Pages in Leichte Sprache are rendered whole before they are sent, because what goes near their top depends on
 * everything below: the note that some of the page is still in standard German, or the Leichte Sprache mark when every
 * text on it was checked by the target group. The layout leaves {@link #MARK} where that goes.
 */
@Component
class EasyLanguageViews implements ViewResolver, Ordered {

    static final String MARK = "<!--easy-language-note-->";

    private final ObjectProvider<ThymeleafViewResolver> thymeleaf;
    private final MessageSource messages;
    private final EasyLanguageChecks checks;

    EasyLanguageViews(ObjectProvider<ThymeleafViewResolver> thymeleaf, MessageSource messages,
            EasyLanguageChecks checks) {
        this.thymeleaf = thymeleaf;
        this.messages = messages;
        this.checks = checks;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public View resolveViewName(String viewName, Locale locale) throws Exception {
        ThymeleafViewResolver resolver = thymeleaf.getIfAvailable();
        if (!EasyLanguagePage.isEasy(locale) || resolver == null) {
            return null;
        }
        View view = resolver.resolveViewName(viewName, locale);
        return view instanceof AbstractThymeleafView page ? new WholePage(page, locale) : null;
    }

    /** The note or the mark for the page just rendered, or nothing. */
    String top(EasyLanguagePage page, Locale locale) {
        if (page.anyGerman()) {
            return "<div class=\"container\"><p class=\"notice ls-note\" role=\"note\">"
                    + "<img src=\"/img/leichte-sprache.svg\" alt=\"\" width=\"32\" height=\"32\"> "
                    + HtmlEscape.escapeHtml5(messages.getMessage("site.ls.note", null, locale)) + "</p></div>";
        }
        if (checks.allChecked(page.easyTexts())) {
            return "<div class=\"container\"><p class=\"ls-mark\">"
                    + "<img src=\"/img/leichte-sprache.svg\" alt=\"\" width=\"32\" height=\"32\"> "
                    + HtmlEscape.escapeHtml5(messages.getMessage("site.ls.checked", null, locale)) + "</p></div>";
        }
        return "";
    }

    private final class WholePage implements View {

        private final AbstractThymeleafView page;
        private final Locale locale;

        WholePage(AbstractThymeleafView page, Locale locale) {
            this.page = page;
            this.locale = locale;
        }

        @Override
        public String getContentType() {
            return page.getContentType();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            CharArrayWriter buffer = new CharArrayWriter(16 * 1024);
            PrintWriter writer = new PrintWriter(buffer);
            page.render(model, request, new HttpServletResponseWrapper(response) {
                @Override
                public PrintWriter getWriter() {
                    return writer;
                }
            });
            writer.flush();
            String html = buffer.toString();
            int at = html.indexOf(MARK);
            if (at >= 0) {
                EasyLanguagePage rendered = EasyLanguagePage.current();
                String top = rendered == null ? "" : top(rendered, locale);
                html = html.substring(0, at) + top + html.substring(at + MARK.length());
            }
            response.getWriter().write(html);
        }
    }
}
