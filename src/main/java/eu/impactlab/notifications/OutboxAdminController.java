package eu.impactlab.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins see every mail the app sent or is waiting to send, and read its text: on an install without a mail server
 * that is how a confirmation still reaches the person (read out on the phone, or forwarded by hand).
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxAdminController {

    static final String VIEW_LIST = "notifications/outbox";
    static final String VIEW_DETAIL = "notifications/outbox-detail";
    static final int PAGE_SIZE = 20;

    private final MailOutbox outbox;
    private final Clock clock;
    private final boolean sending;

    OutboxAdminController(MailOutbox outbox, Clock clock, Environment environment) {
        this.outbox = outbox;
        this.clock = clock;
        this.sending = StringUtils.hasText(environment.getProperty("spring.mail.host"));
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", outbox.newestFirst(page, PAGE_SIZE).map(this::row));
        Map<String, Long> counts = new HashMap<>();
        outbox.countByStatus().forEach((status, count) -> counts.put(status.name(), count));
        model.addAttribute("counts", counts);
        model.addAttribute("sending", sending);
        return VIEW_LIST;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        OutboxEntry entry = outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("mail", row(entry));
        model.addAttribute("paragraphs", paragraphs(entry.body()));
        model.addAttribute("furtherAttachments", outbox.furtherAttachmentInfo(id));
        model.addAttribute("sending", sending);
        return VIEW_DETAIL;
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (outbox.retry(id)) {
            redirect.addFlashAttribute("saved", "outbox.saved.retry");
        }
        return "redirect:/admin/outbox/" + id;
    }

    private Row row(OutboxEntry entry) {
        return new Row(entry, local(entry.createdAt()), local(entry.nextAttemptAt()), local(entry.sentAt()));
    }

    /** Berlin time to the second: what the page shows and what a {@code <time datetime>} attribute accepts. */
    private OffsetDateTime local(Instant instant) {
        return instant == null ? null
                : instant.atZone(clock.getZone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The plain-text body as paragraphs of lines, so the page keeps its line breaks without preformatted text. */
    static List<List<String>> paragraphs(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(body.replace("\r\n", "\n").strip().split("\n\\s*\n"))
                .map(paragraph -> List.of(paragraph.split("\n")))
                .toList();
    }

    /** One mail with its times in the lab's zone. */
    record Row(OutboxEntry entry, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {
    }
}
