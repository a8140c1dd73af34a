package eu.impactlab.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citizen's text cut into pieces for the page, which prints every piece as text: web addresses become links only
 * when a coordinator allowed links for that idea, never markup.
 */
final class IdeaText {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    /** A piece of text, with the address it links to or null. */
    record Piece(String text, String href) {
    }

    private IdeaText() {
    }

    static List<Piece> pieces(String text, boolean linksAllowed) {
        List<Piece> pieces = new ArrayList<>();
        if (text == null) {
            return pieces;
        }
        if (!linksAllowed) {
            pieces.add(new Piece(text, null));
            return pieces;
        }
        Matcher m = URL.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                pieces.add(new Piece(text.substring(last, m.start()), null));
            }
            pieces.add(new Piece(m.group(), m.group()));
            last = m.end();
        }
        if (last < text.length()) {
            pieces.add(new Piece(text.substring(last), null));
        }
        return pieces;
    }
}
