package eu.impactlab.participation;

import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ImpactLabProperties;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An Atom feed per lab of its published ideas and their answers, for the city's open data and feed readers. */
@RestController
class IdeaFeedController {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final ParticipationService ideas;
    private final MessageSource messages;
    private final ImpactLabProperties properties;

    IdeaFeedController(ParticipationService ideas, MessageSource messages, ImpactLabProperties properties) {
        this.ideas = ideas;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping(path = "/labs/{slug}/ideas.atom")
    ResponseEntity<String> feed(@PathVariable String slug, Locale locale) throws XMLStreamException {
        Language language = Language.forLocale(locale);
        LabView lab = ideas.labsById(language).values().stream().filter(l -> l.slug().equals(slug)).findFirst().orElse(null);
        if (lab == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        List<Idea> list = ideas.published(slug, null, ParticipationService.Sort.NEWEST, 0, IdeaApiController.MAX_IDEAS);
        String base = properties.publicAddress();
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", base + "/labs/" + slug + "/ideas.atom");
        element(xml, "title", messages.getMessage("participation.feed.title", new Object[] {lab.name()}, locale));
        element(xml, "updated", time(list.stream().map(IdeaFeedController::updated).max(OffsetDateTime::compareTo)
                .orElse(OffsetDateTime.parse("2026-01-01T00:00:00Z"))));
        element(xml, "rights", ideas.licence() + " " + ideas.licenceUrl());
        link(xml, "self", base + "/labs/" + slug + "/ideas.atom");
        link(xml, "alternate", base + "/ideas?lab=" + slug);
        xml.writeStartElement("author");
        element(xml, "name", lab.name());
        xml.writeEndElement();
        for (Idea i : list) {
            xml.writeStartElement("entry");
            element(xml, "id", base + "/ideas/" + i.id());
            xml.writeStartElement("title");
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", i.htmlLang());
            xml.writeCharacters(i.title());
            xml.writeEndElement();
            element(xml, "published", time(i.publishedAt()));
            element(xml, "updated", time(updated(i)));
            link(xml, "alternate", base + "/ideas/" + i.id());
            xml.writeStartElement("category");
            xml.writeAttribute("term", i.kind());
            xml.writeEndElement();
            StringBuilder summary = new StringBuilder(i.text());
            summary.append("\n\n").append(messages.getMessage("participation.supports.count", new Object[] {i.supports()}, locale));
            if (i.answerState() != null) {
                summary.append("\n").append(messages.getMessage("participation.answer." + i.answerState(), null, locale));
                if (i.answerText() != null) {
                    summary.append(": ").append(i.answerText());
                }
            }
            xml.writeStartElement("summary");
            xml.writeAttribute("type", "text");
            xml.writeCharacters(summary.toString());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8")).body(out.toString());
    }

    private static OffsetDateTime updated(Idea i) {
        return i.lastDecisionAt() != null ? i.lastDecisionAt() : i.publishedAt();
    }

    private static String time(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }
}
