package eu.impactlab.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * Page titles stay within 70 characters, so tabs, bookmarks and search results show them whole: course titles and
 * translations make "question – course – site" long, so the parts at the end go first, then the rest is cut at a word.
 * Done once for every page here rather than in each template's title.
 */
@Configuration(proxyBeanMethods = false)
class PageTitles {

    static final int MAX_LENGTH = 70;
    private static final String SEPARATOR = " – ";

    @Bean
    IDialect shortPageTitles() {
        return new ShortTitlesDialect();
    }

    /** The title shortened to at most {@link #MAX_LENGTH} characters, dropping parts from the end first. */
    static String shorten(String title) {
        String trimmed = title.strip().replaceAll("\\s+", " ");
        if (trimmed.length() <= MAX_LENGTH) {
            return trimmed;
        }
        List<String> parts = new ArrayList<>(Arrays.asList(trimmed.split(SEPARATOR)));
        while (parts.size() > 1 && String.join(SEPARATOR, parts).length() > MAX_LENGTH) {
            parts.remove(parts.size() - 1);
        }
        String kept = String.join(SEPARATOR, parts);
        if (kept.length() <= MAX_LENGTH) {
            return kept;
        }
        int cut = kept.lastIndexOf(' ', MAX_LENGTH - 1);
        return (cut > MAX_LENGTH / 2 ? kept.substring(0, cut) : kept.substring(0, MAX_LENGTH - 1)).stripTrailing() + "…";
    }

    static final class ShortTitlesDialect extends AbstractDialect implements IPostProcessorDialect {

        ShortTitlesDialect() {
            super("Short page titles");
        }

        @Override
        public int getDialectPostProcessorPrecedence() {
            return 1000;
        }

        @Override
        public Set<IPostProcessor> getPostProcessors() {
            return Set.of(new PostProcessor(TemplateMode.HTML, TitleHandler.class, 1000));
        }
    }

    /** Collects the text of the page's title (in head: an SVG chart's title names the chart and stays whole). */
    public static final class TitleHandler extends AbstractTemplateHandler {

        private boolean inHead;
        private StringBuilder title;

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            if ("head".equalsIgnoreCase(tag.getElementCompleteName())) {
                inHead = true;
            } else if (inHead && "title".equalsIgnoreCase(tag.getElementCompleteName())) {
                title = new StringBuilder();
            }
            super.handleOpenElement(tag);
        }

        @Override
        public void handleText(IText text) {
            if (title != null) {
                title.append(text.getText());
                return;
            }
            super.handleText(text);
        }

        @Override
        public void handleCloseElement(ICloseElementTag tag) {
            if (title != null && "title".equalsIgnoreCase(tag.getElementCompleteName())) {
                String shortened = shorten(HtmlEscape.unescapeHtml(title.toString()));
                title = null;
                super.handleText(getContext().getModelFactory().createText(HtmlEscape.escapeHtml4Xml(shortened)));
            } else if ("head".equalsIgnoreCase(tag.getElementCompleteName())) {
                inHead = false;
            }
            super.handleCloseElement(tag);
        }
    }
}
