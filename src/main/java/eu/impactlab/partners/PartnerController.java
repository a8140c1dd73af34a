package eu.impactlab.partners;

import eu.impactlab.notifications.CalendarInvitations;
import eu.impactlab.platform.LanguageChoice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's pages: their organisation's requests, the short form per kind, and one request with its messages. */
@Controller
@RequestMapping("/partner")
class PartnerController {

    static final String VIEW_LIST = "partners/partner-list";
    static final String VIEW_KIND = "partners/partner-kind";
    static final String VIEW_FORM = "partners/partner-form";
    static final String VIEW_REQUEST = "partners/partner-request";
    static final String VIEW_WITHDRAW = "partners/partner-withdraw";

    private final PartnerService partners;
    private final org.springframework.web.servlet.LocaleResolver locales;

    PartnerController(PartnerService partners, org.springframework.web.servlet.LocaleResolver locales) {
        this.partners = partners;
        this.locales = locales;
    }

    @GetMapping
    String list(Authentication who, Model model, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, java.util.Locale locale) {
        PartnerService.Membership me = partners.membership(who.getName());
        // A partner was invited in a language; until they choose one in the menu, their pages speak it, whatever the
        // browser says (a school's shared computer may be set to German for a Turkish-speaking club's chair).
        if (!LanguageChoice.made(request) && !me.language().locale().equals(locale)) {
            locales.setLocale(request, response, me.language().locale());
            return "redirect:/partner";
        }
        model.addAttribute("me", me);
        model.addAttribute("requests", partners.requestsOf(me));
        model.addAttribute("totals", partners.totals(me));
        return VIEW_LIST;
    }

    @GetMapping("/requests/new")
    String newRequest(@RequestParam(required = false) String kind, Authentication who, Model model) {
        PartnerService.Membership me = partners.membership(who.getName());
        model.addAttribute("me", me);
        if (Choices.parse(Choices.Kind.class, kind).isEmpty()) {
            model.addAttribute("kinds", Choices.Kind.values());
            return VIEW_KIND;
        }
        RequestForm form = new RequestForm();
        form.setKind(kind);
        model.addAttribute("form", form);
        return form(model, me);
    }

    /** How many devices of the chosen type the lab can lend for the chosen days, as the form changes (htmx). */
    @GetMapping("/requests/devices")
    String devices(@RequestParam(defaultValue = "") String deviceType, @RequestParam(defaultValue = "") String loanFrom,
            @RequestParam(defaultValue = "") String loanUntil, @RequestParam(defaultValue = "") String deviceCount,
            Authentication who, Model model) {
        PartnerService.Membership me = partners.membership(who.getName());
        RequestForm form = new RequestForm();
        form.setKind(Choices.Kind.DEVICE_LOAN.name());
        form.setDeviceType(deviceType);
        form.setLoanFrom(loanFrom);
        form.setLoanUntil(loanUntil);
        form.setDeviceCount(deviceCount);
        availability(model, me, form);
        // Live, the box says "too many" itself; after sending, the field's own error says it.
        model.addAttribute("liveCheck", true);
        return VIEW_FORM + " :: deviceAvailability";
    }

    private void availability(Model model, PartnerService.Membership me, RequestForm form) {
        boolean pooled = eu.impactlab.equipment.GroupLoans.lends(form.getDeviceType());
        model.addAttribute("pooledType", pooled);
        model.addAttribute("chosenType", Choices.parse(Choices.DeviceType.class, form.getDeviceType()).map(Enum::name).orElse(null));
        model.addAttribute("availability", partners.devicesInLab(me, form.getDeviceType(), RequestForm.day(form.getLoanFrom()),
                RequestForm.day(form.getLoanUntil())).orElse(null));
        model.addAttribute("askedCount", RequestForm.number(form.getDeviceCount()));
    }

    @PostMapping("/requests")
    String submit(@ModelAttribute("form") RequestForm form, BindingResult errors, Authentication who, Model model,
            RedirectAttributes redirect) {
        PartnerService.Membership me = partners.membership(who.getName());
        model.addAttribute("me", me);
        var input = form.validate(errors);
        if (input.isPresent() && input.get().deviceType() != null) {
            var available = partners.devicesInLab(me, input.get().deviceType().name(), input.get().loanFrom(),
                    input.get().loanUntil());
            if (available.isPresent() && input.get().deviceCount() > available.get().inLab()) {
                errors.rejectValue("deviceCount", "partners.error.deviceCountLab", new Object[] {available.get().inLab()}, null);
                return form(model, me);
            }
        }
        if (input.isEmpty()) {
            return form(model, me);
        }
        try {
            long id = partners.submit(me, input.get());
            redirect.addFlashAttribute("saved", "partners.saved.requested");
            return "redirect:/partner/requests/" + id;
        } catch (PartnerException e) {
            errors.reject(e.messageKey());
            return form(model, me);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // The same form was sent twice at the same moment: the other submission made the request.
            return partners.requestWithKey(me, input.get().key()).map(id -> "redirect:/partner/requests/" + id)
                    .orElseThrow(() -> e);
        }
    }

    private String form(Model model, PartnerService.Membership me) {
        RequestForm form = (RequestForm) model.getAttribute("form");
        if (form != null && Choices.Kind.DEVICE_LOAN.name().equals(form.getKind())) {
            availability(model, me, form);
        }
        model.addAttribute("ageBands", Choices.AgeBand.values());
        model.addAttribute("groupLanguages", RequestForm.groupLanguages());
        model.addAttribute("accessNeeds", Choices.Access.values());
        model.addAttribute("places", Choices.Place.values());
        model.addAttribute("deviceTypes", Choices.DeviceType.values());
        return VIEW_FORM;
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable long id, Authentication who, Model model) {
        PartnerService.Membership me = partners.membership(who.getName());
        model.addAttribute("me", me);
        RequestView request = partners.requestForPartner(me, id);
        model.addAttribute("request", request);
        model.addAttribute("reserved", partners.reservedDevices(request).orElse(null));
        model.addAttribute("messages", partners.messagesForPartner(me, id));
        model.addAttribute("log", partners.logForPartner(me, id));
        return VIEW_REQUEST;
    }

    @PostMapping("/requests/{id}/messages")
    String message(@PathVariable long id, @RequestParam(defaultValue = "") String body, Authentication who,
            RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.message",
                () -> partners.partnerMessage(partners.membership(who.getName()), id, body));
    }

    @GetMapping("/requests/{id}/withdraw")
    String confirmWithdraw(@PathVariable long id, Authentication who, Model model) {
        PartnerService.Membership me = partners.membership(who.getName());
        model.addAttribute("request", partners.requestForPartner(me, id));
        return VIEW_WITHDRAW;
    }

    @PostMapping("/requests/{id}/withdraw")
    String withdraw(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.withdrawn",
                () -> partners.withdraw(partners.membership(who.getName()), id));
    }

    @PostMapping("/requests/{id}/accept")
    String accept(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.accepted",
                () -> partners.acceptProposal(partners.membership(who.getName()), id));
    }

    @PostMapping("/requests/{id}/another-date")
    String anotherDate(@PathVariable long id, @RequestParam(defaultValue = "") String body, Authentication who,
            RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.anotherDate",
                () -> partners.askAnotherDate(partners.membership(who.getName()), id, body));
    }

    @PostMapping("/requests/{id}/feedback")
    String feedback(@PathVariable long id, @RequestParam(defaultValue = "0") int score, Authentication who,
            RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.feedback",
                () -> partners.feedback(partners.membership(who.getName()), id, score));
    }

    @GetMapping("/requests/{id}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable long id, Authentication who) {
        PartnerService.Membership me = partners.membership(who.getName());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CalendarInvitations.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"termin-" + id + ".ics\"")
                .body(partners.calendarFile(me, id));
    }

    private String act(long id, RedirectAttributes redirect, String savedKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", savedKey);
        } catch (PartnerException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/partner/requests/" + id;
    }
}
