package eu.impactlab.platform;

import java.util.regex.Pattern;

/**
 * Describes an unexpected error for the log without the personal data its messages may carry (an exception's message
 * can quote an e-mail address or a phone number that a citizen typed): logs never hold either.
 */
public final class LogSafe {

    /** Any word with an "@" in it: an address that only looks broken ("<x>@example.org") is still an address. */
    private static final Pattern EMAIL = Pattern.compile("\\S*@\\S+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()/.-]{5,}\\d");
    /** A path segment as long as a private link's token (SecretTokens: 43 base64url characters; 20 is ample). */
    private static final Pattern TOKEN_SEGMENT = Pattern.compile("(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)");

    private LogSafe() {
    }

    /** The text with anything that looks like an e-mail address or a phone number replaced by "[…]". */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll("[e-mail]")).replaceAll("[number]");
    }

    /** A request path for the log: private links' tokens, addresses and numbers replaced. */
    public static String path(String uri) {
        return uri == null ? null : scrub(TOKEN_SEGMENT.matcher(uri).replaceAll("[token]"));
    }

    /** Exception types, scrubbed messages and the first frames of each cause, on one line per cause. */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < 8; t = t.getCause(), depth++) {
            text.append(depth == 0 ? "" : "\n  caused by ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(scrub(t.getMessage().lines().findFirst().orElse("")));
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 6); i++) {
                text.append("\n    at ").append(frames[i]);
            }
        }
        return text.toString();
    }
}
