package eu.impactlab.skills;

import eu.impactlab.courses.CourseCompleted;
import eu.impactlab.courses.CourseService;
import eu.impactlab.notifications.MailOutbox;
import eu.impactlab.notifications.OutgoingMail;
import eu.impactlab.platform.ImpactLabProperties;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * On a real completion, the completer with an e-mail address gets one mail with a fresh claim link for their badge, in
 * the language they registered in; a redelivered event finds the claim already there and sends nothing.
 */
@Component
class ClaimMails {

    private static final Logger log = LoggerFactory.getLogger(ClaimMails.class);

    private final CourseService courses;
    private final Claims claims;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final ImpactLabProperties properties;

    ClaimMails(CourseService courses, Claims claims, MailOutbox outbox, MessageSource messages, ImpactLabProperties properties) {
        this.courses = courses;
        this.claims = claims;
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(CourseCompleted event) {
        courses.completer(event.registrationId()).filter(c -> c.email() != null).ifPresent(completer ->
                claims.first(completer.registrationId(), completer.courseId()).ifPresent(token -> {
                    send(completer, token);
                    log.info("Badge claim mail queued for registration {}", completer.registrationId());
                }));
    }

    private void send(CourseService.Completer completer, String token) {
        Locale locale = completer.language().locale();
        String title = courses.registeredCourse(completer.registrationId(), completer.language())
                .map(CourseService.RegisteredCourse::title).orElse("");
        String name = completer.name() == null ? "" : completer.name();
        String url = properties.baseUrlWithoutSlash() + "/skills/badge/" + token;
        outbox.enqueue(new OutgoingMail(completer.email(),
                messages.getMessage("skills.claim.mail.subject", new Object[] {title}, locale),
                messages.getMessage("skills.claim.mail.body", new Object[] {name, title, url}, locale)));
    }
}
