package eu.impactlab.consultations;

import eu.impactlab.labs.Language;
import eu.impactlab.platform.ImpactLabProperties;
import eu.impactlab.platform.LinkLanguage;
import eu.impactlab.platform.QrCodes;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * The private manage link: see the appointment, print the slip, cancel, delete one's data. The token in the link is
 * the only key; pages and JSON answer alike.
 */
@Controller
class ManageController {

    static final String VIEW_MANAGE = "consultations/manage";
    static final String VIEW_SLIP = "consultations/slip";
    static final String VIEW_UNKNOWN = "consultations/link-unknown";
    static final String VIEW_ASK_CANCEL = "consultations/manage-cancel";
    static final String VIEW_MOVE = "consultations/manage-move";

    private final ConsultationService consultations;
    private final MessageSource messages;
    private final ImpactLabProperties properties;

    ManageController(ConsultationService consultations, MessageSource messages, ImpactLabProperties properties) {
        this.consultations = consultations;
        this.messages = messages;
        this.properties = properties;
    }

    record StatusJson(String code, String status, String start, String end, String lab, String topic, String language,
            Mode mode, String meetingUrl, boolean personalDataDeleted) {
    }

    @GetMapping(path = "/appointments/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<StatusJson> json(@PathVariable String token, Locale locale) {
        return consultations.appointment(token, Language.forLocale(locale))
                .map(a -> ResponseEntity.ok(new StatusJson(a.code(), a.status().name(), a.start().toOffsetDateTime().toString(),
                        a.end().toOffsetDateTime().toString(), a.labSlug(), a.topicKey(), a.language(), a.mode(),
                        a.meetingUrl(), a.personalDataDeleted())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @PostMapping(path = "/appointments/{token}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<StatusJson> cancelJson(@PathVariable String token, Locale locale) {
        if (consultations.appointment(token, Language.DE).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        boolean cancelled = consultations.cancel(token);
        ResponseEntity<StatusJson> current = json(token, locale);
        return cancelled ? current : ResponseEntity.status(HttpStatus.CONFLICT).body(current.getBody());
    }

    /**
     * The appointment in the language it was booked in, which the whole page then speaks (an explicit {@code ?lang=}
     * still wins): a link opened again on another device should not fall back to that browser's language.
     */
    private Optional<AppointmentView> inLinkLanguage(String token, Locale locale, HttpServletRequest request) {
        Language asked = Language.forLocale(locale);
        Optional<AppointmentView> appointment = consultations.appointment(token, asked);
        if (appointment.isEmpty()) {
            return appointment;
        }
        Language booked = Language.fromTag(appointment.get().uiLanguage()).filter(Language::ui).orElse(asked);
        if (booked == asked || !LinkLanguage.use(request, booked.locale())) {
            return appointment;
        }
        return consultations.appointment(token, booked);
    }

    @GetMapping("/appointments/{token}")
    String page(@PathVariable String token, Locale locale, Model model, HttpServletRequest request) {
        return show(token, locale, model, request, VIEW_MANAGE);
    }

    /** The appointment behind the link, in the link's language, on that page; an unknown link gets the polite page. */
    private String show(String token, Locale locale, Model model, HttpServletRequest request, String view) {
        var appointment = inLinkLanguage(token, locale, request);
        if (appointment.isEmpty()) {
            return VIEW_UNKNOWN;
        }
        model.addAttribute("appointment", appointment.get());
        model.addAttribute("token", token);
        return view;
    }

    @GetMapping("/appointments/{token}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String token) {
        return consultations.calendarFile(token)
                .map(ics -> ResponseEntity.ok()
                        .header("Content-Type", "text/calendar; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"termin.ics\"")
                        .body(ics))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/appointments/{token}/slip")
    String slip(@PathVariable String token, Locale locale, Model model, HttpServletRequest request) {
        if (!show(token, locale, model, request, VIEW_SLIP).equals(VIEW_SLIP)) {
            return VIEW_UNKNOWN;
        }
        model.addAttribute("german", consultations.appointment(token, Language.DE).orElseThrow());
        // The way back for people without e-mail: the private link as a QR code on paper, from this request's address.
        String link = properties.publicAddress() + "/appointments/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
        model.addAttribute("qrCode", QrCodes.svg(link, messages.getMessage("flows.slip.qr.label", null,
                RequestContextUtils.getLocale(request))));
        return VIEW_SLIP;
    }

    /** Cancelling cannot be undone, so the manage page only links here and this page asks first. */
    @GetMapping("/appointments/{token}/cancel")
    String askCancel(@PathVariable String token, Locale locale, Model model, HttpServletRequest request) {
        return show(token, locale, model, request, VIEW_ASK_CANCEL);
    }

    @PostMapping("/appointments/{token}/cancel")
    String cancel(@PathVariable String token, RedirectAttributes redirect) {
        boolean cancelled = consultations.cancel(token);
        redirect.addFlashAttribute("saved", cancelled ? "manage.cancelled" : "manage.notCancellable");
        return "redirect:/appointments/" + token;
    }

    @GetMapping("/appointments/{token}/move")
    String moveOptions(@PathVariable String token,
            @RequestParam(required = false) String day, Locale locale, Model model,
            HttpServletRequest request) {
        if (!show(token, locale, model, request, VIEW_MOVE).equals(VIEW_MOVE)) {
            return VIEW_UNKNOWN;
        }
        BookingController.addDayChoice(consultations.moveOptions(token).stream().collect(Collectors.groupingBy(
                s -> s.start().toLocalDate(), LinkedHashMap::new, Collectors.toList())), day, model);
        return VIEW_MOVE;
    }

    @PostMapping("/appointments/{token}/move")
    String move(@PathVariable String token, @RequestParam(required = false) String start,
            Locale locale, Model model, RedirectAttributes redirect, HttpServletRequest request) {
        java.time.OffsetDateTime wished = null;
        try {
            wished = start == null ? null : java.time.LocalDateTime.parse(start).atZone(SlotFinder.BREMEN).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            // reported as a missing choice
        }
        BookingOutcome outcome = consultations.move(token, wished);
        if (outcome instanceof BookingOutcome.Booked) {
            redirect.addFlashAttribute("saved", "manage.moved");
            return "redirect:/appointments/" + token;
        }
        if (outcome instanceof BookingOutcome.Taken taken) {
            model.addAttribute("taken", true);
        } else {
            model.addAttribute("errors", ((BookingOutcome.Invalid) outcome).errors());
        }
        return moveOptions(token, wished == null ? null : wished.atZoneSameInstant(SlotFinder.BREMEN).toLocalDate().toString(),
                locale, model, request);
    }

    @PostMapping("/appointments/{token}/feedback")
    String feedback(@PathVariable String token,
            @RequestParam(required = false) Integer score, RedirectAttributes redirect) {
        if (score == null) {
            redirect.addFlashAttribute("feedbackMissing", true);
        } else if (consultations.feedback(token, score)) {
            redirect.addFlashAttribute("saved", "feedback.thanks");
        }
        return "redirect:/appointments/" + token;
    }

    @PostMapping("/appointments/{token}/delete-data")
    String deleteData(@PathVariable String token, RedirectAttributes redirect) {
        consultations.deletePersonalData(token);
        redirect.addFlashAttribute("saved", "manage.dataDeleted");
        return "redirect:/appointments/" + token;
    }
}
