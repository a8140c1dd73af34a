package eu.impactlab.consultations;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public "now serving" screen of a lab: ticket numbers only, never anything about a person. The page polls this
 * same address with htmx every five seconds and gets just the board; without JavaScript a plain link refreshes it.
 */
@Controller
class NowServingController {

    static final String VIEW_PAGE = "consultations/now-serving";
    static final String VIEW_BOARD = "consultations/now-serving :: board";

    private final WalkInQueue walkIns;
    private final LabService labs;
    private final MessageSource messages;

    NowServingController(WalkInQueue walkIns, LabService labs, MessageSource messages) {
        this.walkIns = walkIns;
        this.labs = labs;
        this.messages = messages;
    }

    /** The board's words in one language; the screen shows the lab's languages in turn. */
    record Words(Language language, boolean page, String current, String none, String earlier, String waiting,
            String how, String desk) {
    }

    /**
     * @param seen the state the screen shows already; when nothing changed, htmx gets 204 and leaves the board (and
     *             the screen reader's live region) alone instead of redrawing it every five seconds
     */
    @GetMapping("/labs/{slug}/now-serving")
    String nowServing(@PathVariable String slug, @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String seen, Locale locale, Model model, HttpServletResponse response) {
        LabView lab = labs.lab(slug, Language.forLocale(locale))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        WalkInQueue.Board board = walkIns.board(lab.id());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("lab", lab);
        model.addAttribute("board", board);
        model.addAttribute("words", words(lab, Language.forLocale(locale), board));
        if (htmx == null) {
            return VIEW_PAGE;
        }
        if (board.state().equals(seen)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        return VIEW_BOARD;
    }

    /** The page's language first, then the lab's other languages that the site speaks (others have no texts). */
    private List<Words> words(LabView lab, Language page, WalkInQueue.Board board) {
        Set<Language> languages = new LinkedHashSet<>();
        languages.add(page);
        lab.languages().stream().filter(Language::ui).forEach(languages::add);
        // Leichte Sprache is German: the board shows it in German's place, not both.
        if (page == Language.LS) {
            languages.remove(Language.DE);
        }
        return languages.stream().map(l -> new Words(l, l == page, text("nowServing.current", l),
                text("nowServing.none", l), text("nowServing.earlier", l), text("nowServing.waiting", l, board.waiting()),
                text("nowServing.how", l), board.desk() == null ? null : text("staff.nowServing.desk", l, board.desk())))
                .toList();
    }

    private String text(String key, Language language, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }
}
