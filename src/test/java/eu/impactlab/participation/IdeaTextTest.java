package eu.impactlab.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Addresses in a citizen's text become links only when a coordinator allowed it; everything else stays text. */
class IdeaTextTest {

    @Test
    void withoutPermissionTheWholeTextIsOnePieceOfText() {
        assertThat(IdeaText.pieces("Mehr unter https://example.org/repair <a href=x>hier</a>", false))
                .containsExactly(new IdeaText.Piece("Mehr unter https://example.org/repair <a href=x>hier</a>", null));
    }

    @Test
    void withPermissionOnlyTheAddressesBecomeLinks() {
        List<IdeaText.Piece> pieces = IdeaText.pieces("Siehe https://example.org/a?b=1 und <b>mehr</b>", true);
        assertThat(pieces).containsExactly(new IdeaText.Piece("Siehe ", null),
                new IdeaText.Piece("https://example.org/a?b=1", "https://example.org/a?b=1"),
                new IdeaText.Piece(" und <b>mehr</b>", null));
        assertThat(IdeaText.pieces("javascript:alert(1)", true)).containsExactly(new IdeaText.Piece("javascript:alert(1)", null));
    }
}
