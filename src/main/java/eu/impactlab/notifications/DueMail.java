package eu.impactlab.notifications;

/** A pending mail whose time has come, locked by the sender that is delivering it. */
record DueMail(long id, String recipient, String subject, String body, String attachmentFilename,
        String attachmentContentType, byte[] attachmentData, int attempts,
        java.util.List<OutgoingMail.Attachment> furtherAttachments) {

    boolean hasAttachment() {
        return attachmentFilename != null;
    }
}
