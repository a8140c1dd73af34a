package eu.impactlab.consultations;

import eu.impactlab.labs.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import eu.impactlab.platform.StaffAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators keep the list of consultation topics: titles per language (German is the fallback), typical duration,
 * and whether people can book it. Topics are shared by all labs; a topic is switched off rather than deleted, so past
 * appointments and figures keep their meaning.
 */
@Controller
@RequestMapping("/admin/consultations/topics")
class TopicAdminController {

    private final JdbcClient jdbc;
    private final ConsultationService consultations;
    private final ApplicationEventPublisher events;

    TopicAdminController(JdbcClient jdbc, ConsultationService consultations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.consultations = consultations;
        this.events = events;
    }

    record TopicRow(String key, int minutes, boolean active, Map<String, String> titles) {
    }

    @GetMapping
    String list(Locale locale, Model model) {
        model.addAttribute("topics", rows());
        model.addAttribute("languages", Language.uiLanguages());
        return "consultations/admin-topics";
    }

    @GetMapping("/{key}")
    String edit(@PathVariable String key, Model model) {
        model.addAttribute("topic", rows().stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such topic")));
        model.addAttribute("languages", Language.uiLanguages());
        return "consultations/admin-topic";
    }

    @PostMapping("/{key}")
    @Transactional
    String save(@PathVariable String key, @RequestParam Map<String, String> form, Authentication who, Model model,
            RedirectAttributes redirect) {
        TopicRow topic = rows().stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such topic"));
        Map<String, String> errors = new LinkedHashMap<>();
        int minutes = parseMinutes(form.get("minutes"), errors);
        String german = form.getOrDefault("title-de", "").strip();
        if (german.isEmpty() || german.length() > 200) {
            errors.put("title-de", "topics.error.title");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("topic", new TopicRow(key, topic.minutes(), topic.active(), titlesFrom(form)));
            model.addAttribute("languages", Language.uiLanguages());
            return "consultations/admin-topic";
        }
        jdbc.sql("update topic set typical_minutes = ?, active = ? where key = ?")
                .params(minutes, form.containsKey("active"), key).update();
        for (Language language : Language.uiLanguages()) {
            String title = form.getOrDefault("title-" + language.tag(), "").strip();
            jdbc.sql("delete from topic_title where topic_key = ? and language = ?").params(key, language.tag()).update();
            if (!title.isEmpty()) {
                jdbc.sql("insert into topic_title (topic_key, language, title) values (?, ?, ?)")
                        .params(key, language.tag(), title.length() > 200 ? title.substring(0, 200) : title).update();
            }
        }
        events.publishEvent(new StaffAction(who.getName(), "TOPIC_CHANGED", "topic", key, null,
                "minutes " + topic.minutes() + " → " + minutes + ", " + (form.containsKey("active") ? "active" : "inactive")));
        redirect.addFlashAttribute("saved", "topics.saved");
        return "redirect:/admin/consultations/topics";
    }

    @PostMapping
    @Transactional
    String create(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String minutes, Authentication who, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanKey = key.strip().toLowerCase(Locale.ROOT);
        if (!cleanKey.matches("^[a-z0-9]+(-[a-z0-9]+)*$") || cleanKey.length() > 40) {
            errors.put("key", "topics.error.key");
        } else if (jdbc.sql("select count(*) from topic where key = ?").param(cleanKey).query(Long.class).single() > 0) {
            errors.put("key", "topics.error.keyTaken");
        }
        if (title.isBlank() || title.strip().length() > 200) {
            errors.put("title", "topics.error.title");
        }
        int duration = parseMinutes(minutes, errors);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            model.addAttribute("newKey", key);
            model.addAttribute("newTitle", title);
            model.addAttribute("newMinutes", minutes);
            model.addAttribute("topics", rows());
            model.addAttribute("languages", Language.uiLanguages());
            return "consultations/admin-topics";
        }
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from topic").query(Integer.class).single();
        jdbc.sql("insert into topic (key, typical_minutes, position) values (?, ?, ?)").params(cleanKey, duration, position).update();
        jdbc.sql("insert into topic_title (topic_key, language, title) values (?, 'de', ?)").params(cleanKey, title.strip()).update();
        events.publishEvent(new StaffAction(who.getName(), "TOPIC_CREATED", "topic", cleanKey, null, "minutes " + duration));
        redirect.addFlashAttribute("saved", "topics.saved");
        return "redirect:/admin/consultations/topics/" + cleanKey;
    }

    private static int parseMinutes(String value, Map<String, String> errors) {
        try {
            int minutes = Integer.parseInt(value == null ? "" : value.strip());
            if (minutes >= 10 && minutes <= 240) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("minutes", "topics.error.minutes");
        return 0;
    }

    private static Map<String, String> titlesFrom(Map<String, String> form) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Language language : Language.uiLanguages()) {
            titles.put(language.tag(), form.getOrDefault("title-" + language.tag(), ""));
        }
        return titles;
    }

    private List<TopicRow> rows() {
        Map<String, Map<String, String>> titles = new LinkedHashMap<>();
        jdbc.sql("select topic_key, language, title from topic_title").query(rs -> {
            titles.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
        });
        return jdbc.sql("select key, typical_minutes, active from topic order by position")
                .query((rs, i) -> new TopicRow(rs.getString(1), rs.getInt(2), rs.getBoolean(3),
                        titles.getOrDefault(rs.getString(1), Map.of())))
                .list();
    }
}
