package eu.impactlab.platform;

/**
 * Input that no page or API call can use (a NUL character, a tampered hidden field, a date outside any calendar we
 * keep): answered with 400, a page in the user's language or a problem detail for the API, never with a 5xx.
 */
public class BadInputException extends RuntimeException {

    private final String messageKey;
    private final String restartPath;

    /**
     * @param messageKey  the message that tells the user what to do
     * @param restartPath where a form's user starts again (e.g. "/book"), or null for the start of the flow the request belongs to
     */
    public BadInputException(String messageKey, String restartPath) {
        super(messageKey);
        this.messageKey = messageKey;
        this.restartPath = restartPath;
    }

    public String messageKey() {
        return messageKey;
    }

    public String restartPath() {
        return restartPath;
    }
}
