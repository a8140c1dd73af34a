package eu.impactlab.partners;

/** A step the rules do not allow right now (a transition, a date in the past): the message tells the user why. */
class PartnerException extends RuntimeException {

    private final String messageKey;

    PartnerException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
