package eu.impactlab.impact;

/** A question the dashboard cannot answer: the message key says why, in the user's language. */
class ImpactQueryException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    ImpactQueryException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
