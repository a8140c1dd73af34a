package eu.impactlab.courses;

import eu.impactlab.platform.ImpactLabProperties;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * schema.org Event data for a course page, so search engines and city portals can list it. The page embeds it as a
 * JSON-LD data block, which a browser never runs, so the strict Content-Security-Policy stays as it is.
 */
@Component
class CourseJsonLd {

    /** ISO 8601 with seconds and offset, as validators of schema.org data like it. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ObjectMapper json;
    private final MessageSource messages;
    private final ImpactLabProperties properties;

    CourseJsonLd(ObjectMapper json, MessageSource messages, ImpactLabProperties properties) {
        this.json = json;
        this.messages = messages;
        this.properties = properties;
    }

    String of(CourseView course, Locale locale) {
        String base = properties.publicAddress();
        String page = base + "/courses/" + course.id();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@context", "https://schema.org");
        event.put("@type", "Event");
        event.put("@id", page);
        event.put("url", page);
        event.put("name", course.title().value());
        if (course.summary().present()) {
            event.put("description", course.summary().value());
        }
        if (course.firstStart() != null) {
            event.put("startDate", course.firstStart().format(ISO));
            event.put("endDate", course.lastEnd().format(ISO));
        }
        event.put("eventStatus", "https://schema.org/" + ("CANCELLED".equals(course.status()) ? "EventCancelled" : "EventScheduled"));
        event.put("eventAttendanceMode", "https://schema.org/"
                + (course.online() ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"));
        Map<String, Object> place = new LinkedHashMap<>();
        if (course.online()) {
            place.put("@type", "VirtualLocation");
            place.put("url", page); // the video link itself is only for participants
        } else {
            place.put("@type", "Place");
            place.put("name", course.lab().name());
            place.put("address", Map.of("@type", "PostalAddress", "streetAddress", course.lab().street(),
                    "postalCode", course.lab().postalCode(), "addressLocality", course.lab().city(), "addressCountry", "DE"));
        }
        event.put("location", place);
        event.put("organizer", Map.of("@type", "Organization", "name", course.lab().name(),
                "url", base + "/labs/" + course.lab().slug()));
        event.put("inLanguage", course.language());
        event.put("isAccessibleForFree", true);
        event.put("maximumAttendeeCapacity", course.capacity());
        event.put("remainingAttendeeCapacity", course.freeSeats());
        event.put("offers", Map.of("@type", "Offer", "price", "0", "priceCurrency", "EUR", "url", page,
                "availability", "https://schema.org/" + (course.freeSeats() > 0 ? "InStock" : "SoldOut")));
        if (!course.targetGroups().isEmpty()) {
            event.put("audience", Map.of("@type", "Audience", "audienceType", String.join(", ",
                    course.targetGroups().stream().map(t -> messages.getMessage(t.messageKey(), null, locale)).toList())));
        }
        if (course.sessions().size() > 1) {
            List<Map<String, Object>> parts = course.sessions().stream().map(s -> {
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("@type", "Event");
                part.put("name", messages.getMessage("courses.calendar.part",
                        new Object[] {course.title().value(), s.number(), course.sessions().size()}, locale));
                part.put("startDate", s.start().format(ISO));
                part.put("endDate", s.end().format(ISO));
                part.put("location", place);
                return part;
            }).toList();
            event.put("subEvent", parts);
        }
        // Markup characters inside strings could end the script element early; as \\u escapes they mean the same in JSON.
        return json.writeValueAsString(event).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
