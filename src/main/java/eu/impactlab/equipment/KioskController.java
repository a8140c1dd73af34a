package eu.impactlab.equipment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import eu.impactlab.labs.Language;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The tablet at the door: paired once with a code (the token then lives in a cookie only this path sees), six big
 * buttons, a thank-you that resets. The JSON call takes the token as a bearer token.
 */
@Controller
@Tag(name = "Kiosk", description = "Anonymous taps at the lab's door")
class KioskController {

    static final String COOKIE = "impactlab_kiosk";

    private final Kiosks kiosks;
    private final MessageSource messages;

    KioskController(Kiosks kiosks, MessageSource messages) {
        this.kiosks = kiosks;
        this.messages = messages;
    }

    /** One word for a reason in one language, for the buttons that speak all seven. */
    record Word(Language language, String text) {
    }

    record Button(String reason, List<Word> words) {
    }

    private List<Button> buttons() {
        return Kiosks.REASONS.stream().map(reason -> new Button(reason, Language.uiLanguages().stream()
                .map(l -> new Word(l, messages.getMessage("equipment.kiosk.reason." + reason, null, l.locale()))).toList()))
                .toList();
    }

    @GetMapping("/kiosk")
    String kiosk(@CookieValue(name = COOKIE, required = false) String token, Model model, HttpServletResponse response) {
        Optional<Kiosks.Kiosk> kiosk = kiosks.byToken(token);
        if (kiosk.isEmpty()) {
            if (token != null) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                model.addAttribute("switchedOff", true);
            }
            return "equipment/kiosk-pair";
        }
        model.addAttribute("buttons", buttons());
        model.addAttribute("tapId", UUID.randomUUID());
        return "equipment/kiosk";
    }

    @PostMapping("/kiosk/pair")
    String pair(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
        Optional<String> token = kiosks.pair(code);
        if (token.isEmpty()) {
            model.addAttribute("error", true);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "equipment/kiosk-pair";
        }
        Cookie cookie = new Cookie(COOKIE, token.get());
        cookie.setHttpOnly(true);
        cookie.setPath("/kiosk");
        cookie.setMaxAge(60 * 60 * 24 * 365 * 2);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        return "redirect:/kiosk";
    }

    /** A tap from the kiosk page (form or script); the script sends taps made offline later with their time. */
    @PostMapping("/kiosk/taps")
    Object tapFromPage(@CookieValue(name = COOKIE, required = false) String token, @RequestParam String tapId,
            @RequestParam String reason, @RequestParam(required = false) Long tappedAt,
            @RequestHeader(name = "Accept", defaultValue = "") String accept, Model model, HttpServletResponse response) {
        ResponseEntity<?> result = tap(token, tapId, reason, tappedAt);
        if (accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return result;
        }
        if (result.getStatusCode().value() == 403) {
            return "redirect:/kiosk";
        }
        model.addAttribute("thanks", true);
        model.addAttribute("buttons", buttons());
        model.addAttribute("tapId", UUID.randomUUID());
        return "equipment/kiosk";
    }

    record TapJson(String tapId, String reason, Long tappedAt) {
    }

    @PostMapping(path = "/api/v1/kiosk/taps", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "Count one tap at the door: the kiosk's token as bearer token; 202 counted (a repeated tapId counts once), "
            + "403 unpaired or switched-off kiosk, 400 bad input")
    ResponseEntity<?> tapApi(@RequestHeader(name = "Authorization", defaultValue = "") String authorization,
            @RequestBody TapJson body) {
        String token = authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : null;
        return tap(token, body.tapId(), body.reason(), body.tappedAt());
    }

    private ResponseEntity<?> tap(String token, String tapId, String reason, Long tappedAt) {
        Optional<Kiosks.Kiosk> kiosk = kiosks.byToken(token);
        if (kiosk.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "kiosk not paired or switched off"));
        }
        UUID id;
        try {
            id = UUID.fromString(tapId == null ? "" : tapId);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", Map.of("tapId", "a UUID")));
        }
        if (!Kiosks.REASONS.contains(reason)) {
            return ResponseEntity.badRequest().body(Map.of("errors", Map.of("reason", String.join(", ", Kiosks.REASONS))));
        }
        boolean counted = kiosks.tap(kiosk.get(), id, reason, tappedAt == null ? null : Instant.ofEpochMilli(tappedAt));
        return ResponseEntity.accepted().body(Map.of("counted", counted));
    }
}
