package eu.impactlab.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text e-mail to one recipient, with optional attachments (for example a calendar invitation).
 *
 * @param to the recipient's address
 * @param subject one line; line breaks become spaces
 * @param text the plain-text body
 * @param attachment optional, {@code null} for none
 * @param furtherAttachments more files after the first, empty for none
 */
public record OutgoingMail(String to, String subject, String text, Attachment attachment, List<Attachment> furtherAttachments) {

    static final int MAX_RECIPIENT_LENGTH = 320;
    static final int MAX_SUBJECT_LENGTH = 300;

    public OutgoingMail {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("an e-mail needs a recipient");
        }
        to = to.strip();
        if (to.length() > MAX_RECIPIENT_LENGTH || to.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("the recipient is not a single e-mail address");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an e-mail needs a subject");
        }
        // A line break in a header could smuggle in other headers.
        subject = subject.replaceAll("[\\r\\n]+", " ").strip();
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("the subject is longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
        Objects.requireNonNull(text, "text");
        furtherAttachments = furtherAttachments == null ? List.of() : List.copyOf(furtherAttachments);
        if (attachment == null && !furtherAttachments.isEmpty()) {
            throw new IllegalArgumentException("further attachments need a first one");
        }
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, null, List.of());
    }

    public OutgoingMail(String to, String subject, String text, Attachment attachment) {
        this(to, subject, text, attachment, List.of());
    }

    /** A mail with all these files attached, in this order; none is fine. */
    public static OutgoingMail withAttachments(String to, String subject, String text, List<Attachment> attachments) {
        return attachments.isEmpty() ? new OutgoingMail(to, subject, text)
                : new OutgoingMail(to, subject, text, attachments.get(0), attachments.subList(1, attachments.size()));
    }

    /** Without the address and the body, so a mail that ends up in a log carries no personal data. */
    @Override
    public String toString() {
        return "OutgoingMail[subject length " + subject.length() + ", attachment " + attachment + ", "
                + furtherAttachments.size() + " further]";
    }

    /**
     * A file sent along with the mail.
     *
     * @param filename as the recipient sees it, e.g. {@code termin.ics}
     * @param contentType a MIME type, with parameters if needed, e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}
     * @param content the bytes; copied, so later changes to the array do not change the mail
     */
    public record Attachment(String filename, String contentType, byte[] content) {

        public Attachment {
            if (filename == null || filename.isBlank() || filename.length() > 200) {
                throw new IllegalArgumentException("an attachment needs a file name of at most 200 characters");
            }
            if (contentType == null || contentType.isBlank() || contentType.length() > 200) {
                throw new IllegalArgumentException("an attachment needs a content type of at most 200 characters");
            }
            Objects.requireNonNull(content, "content");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attachment that && filename.equals(that.filename)
                    && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(filename, contentType, Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "Attachment[" + filename + ", " + contentType + ", " + content.length + " bytes]";
        }
    }
}
