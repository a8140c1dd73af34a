package eu.impactlab.participation;

import eu.impactlab.courses.CourseService;
import eu.impactlab.labs.Language;
import eu.impactlab.notifications.MailOutbox;
import eu.impactlab.notifications.OutgoingMail;
import eu.impactlab.platform.ImpactLabProperties;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails of the participation module, each in the language its reader chose: to the proposer (received, published,
 * a question, rejected, merged, answered), to followers (each public answer) and the confirmation links. They go
 * through the outbox in the same transaction as the change they report.
 */
@Component
class IdeaMails {

    private final MailOutbox outbox;
    private final MessageSource messages;
    private final ImpactLabProperties properties;
    private final CourseService courses;

    IdeaMails(MailOutbox outbox, MessageSource messages, ImpactLabProperties properties, CourseService courses) {
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
        this.courses = courses;
    }

    void received(Idea idea, String token) {
        toProposer(idea, "participation.mail.received", manageUrl(token));
    }

    void published(Idea idea) {
        toProposer(idea, "participation.mail.published", ideaUrl(idea.id()));
    }

    void question(Idea idea) {
        toProposer(idea, "participation.mail.question", idea.moderatorMessage());
    }

    void rejected(Idea idea) {
        toProposer(idea, "participation.mail.rejected", idea.moderatorMessage());
    }

    void merged(Idea idea, Idea target) {
        toProposer(idea, "participation.mail.merged", ideaUrl(target.id()));
    }

    /** The public answer to the proposer and to every confirmed follower, each in their language. */
    void answered(Idea idea, List<IdeaStore.Follower> followers) {
        if (idea.email() != null) {
            Locale locale = locale(idea.uiLanguage());
            outbox.enqueue(new OutgoingMail(idea.email(), text("participation.mail.answered.subject", locale, idea.title()),
                    answerBody(idea, locale, "")));
        }
        for (IdeaStore.Follower f : followers) {
            Locale locale = locale(f.uiLanguage());
            outbox.enqueue(new OutgoingMail(f.email(), text("participation.mail.answered.subject", locale, idea.title()),
                    answerBody(idea, locale, text("participation.mail.unfollowHint", locale))));
        }
    }

    void confirmSupport(String email, Idea idea, String token, Locale locale) {
        outbox.enqueue(new OutgoingMail(email, text("participation.mail.confirmSupport.subject", locale, idea.title()),
                text("participation.mail.confirmSupport.body", locale, idea.title(),
                        properties.baseUrlWithoutSlash() + "/ideas/confirm/" + token)));
    }

    void confirmFollow(String email, Idea idea, String token, Locale locale) {
        outbox.enqueue(new OutgoingMail(email, text("participation.mail.follow.subject", locale, idea.title()),
                text("participation.mail.follow.body", locale, idea.title(),
                        properties.baseUrlWithoutSlash() + "/ideas/follow/" + token,
                        properties.baseUrlWithoutSlash() + "/ideas/unfollow/" + token)));
    }

    private String answerBody(Idea idea, Locale locale, String footer) {
        String course = courses.publicTitle(idea.linkedCourseId() == null ? -1 : idea.linkedCourseId(), Language.forLocale(locale))
                .map(title -> text("participation.mail.answered.course", locale, title,
                        properties.baseUrlWithoutSlash() + "/courses/" + idea.linkedCourseId()))
                .orElse("");
        return text("participation.mail.answered.body", locale, idea.title(),
                text("participation.answer." + idea.answerState(), locale),
                idea.answerText() == null ? "" : idea.answerText(), course, ideaUrl(idea.id())) + footer;
    }

    private void toProposer(Idea idea, String key, String detail) {
        if (idea.email() == null) {
            return;
        }
        Locale locale = locale(idea.uiLanguage());
        outbox.enqueue(new OutgoingMail(idea.email(), text(key + ".subject", locale, idea.title()),
                text(key + ".body", locale, idea.title(), detail == null ? "" : detail)));
    }

    String manageUrl(String token) {
        return properties.baseUrlWithoutSlash() + "/ideas/manage/" + token;
    }

    private String ideaUrl(long id) {
        return properties.baseUrlWithoutSlash() + "/ideas/" + id;
    }

    private static Locale locale(String tag) {
        return Language.fromTag(tag).orElse(Language.DE).locale();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
