package eu.impactlab.privacy;

import eu.impactlab.platform.ContactRules;
import eu.impactlab.platform.PersonalData.Found;
import eu.impactlab.platform.PersonalData.Query;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff answer a person's request by letter or at the desk: search one e-mail address or phone number across the
 * modules of their labs, export or erase what exists, and the request is recorded with its one-month deadline.
 * Every search is written to the audit trail. Coordinators see their labs, admins all.
 */
@Controller
class PrivacyAdminController {

    private final PrivacyService privacy;
    private final PrivacyRequests requests;
    private final PrivacyController citizenSide;
    private final Clock clock;

    PrivacyAdminController(PrivacyService privacy, PrivacyRequests requests, PrivacyController citizenSide, Clock clock) {
        this.privacy = privacy;
        this.requests = requests;
        this.citizenSide = citizenSide;
        this.clock = clock;
    }

    /** Admins search all labs (null); others the labs they act for. */
    static Set<Long> labsOf(Authentication auth) {
        if (auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            return null;
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("LAB_"))
                .map(a -> Long.parseLong(a.substring(4))).collect(Collectors.toSet());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Berlin")));
    }

    @GetMapping("/admin/privacy")
    String start(Model model) {
        model.addAttribute("receivedOn", today());
        model.addAttribute("requests", requests.latest(50));
        return "privacy/admin-search";
    }

    /** The search's input, checked: a known contact shape and a received date not in the future. */
    private Query query(String email, String phone, Authentication auth, Model model) {
        String mail = email == null || email.isBlank() ? null : email.strip();
        String tel = phone == null || phone.isBlank() ? null : phone.strip();
        if (mail == null && tel == null) {
            model.addAttribute("error", "privacy.search.error.empty");
        } else if (mail != null && !ContactRules.emailAcceptable(mail)) {
            model.addAttribute("error", "privacy.search.error.email");
        } else if (tel != null && !ContactRules.phoneAcceptable(tel)) {
            model.addAttribute("error", "privacy.search.error.phone");
        } else {
            return new Query(mail, tel, labsOf(auth));
        }
        return null;
    }

    private LocalDate received(String receivedOn, Model model) {
        try {
            LocalDate date = receivedOn == null || receivedOn.isBlank() ? today() : LocalDate.parse(receivedOn);
            if (!date.isAfter(today())) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        model.addAttribute("error", "privacy.search.error.received");
        return null;
    }

    @PostMapping("/admin/privacy/search")
    String search(@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String receivedOn, Authentication auth, Model model) {
        model.addAttribute("email", email);
        model.addAttribute("phone", phone);
        model.addAttribute("receivedOn", receivedOn);
        model.addAttribute("requests", requests.latest(50));
        Query query = query(email, phone, auth, model);
        LocalDate received = received(receivedOn, model);
        if (query == null || received == null) {
            return "privacy/admin-search";
        }
        List<Found> found = privacy.search(auth.getName(), query);
        model.addAttribute("found", found);
        model.addAttribute("deadline", received.plusMonths(1));
        return "privacy/admin-search";
    }

    @PostMapping("/admin/privacy/export")
    ResponseEntity<?> export(@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String receivedOn, Authentication auth, Model model, Locale locale) {
        Query query = query(email, phone, auth, model);
        LocalDate received = received(receivedOn, model);
        if (query == null || received == null) {
            return ResponseEntity.badRequest().build();
        }
        List<Found> found = privacy.search(auth.getName(), query);
        requests.record(auth.getName(), PrivacyRequests.Kind.ACCESS, received, today(), found.size(), 0);
        privacy.audit(auth.getName(), "PERSONAL_DATA_EXPORTED", "person", null, null, "records=" + found.size());
        var uses = found.stream().map(Found::form).filter(f -> f != null).distinct()
                .flatMap(f -> privacy.usesOf(f).stream()).distinct().toList();
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"personal-data.json\"")
                .header("Cache-Control", "no-store")
                .body(citizenSide.export(found, uses, locale));
    }

    /** Erasing cannot be undone: the search result only leads here, and this page asks first. */
    @PostMapping("/admin/privacy/erase/ask")
    String askErase(@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String receivedOn, Authentication auth, Model model) {
        Query query = query(email, phone, auth, model);
        if (query == null || received(receivedOn, model) == null) {
            return start(model);
        }
        model.addAttribute("email", email);
        model.addAttribute("phone", phone);
        model.addAttribute("receivedOn", receivedOn);
        model.addAttribute("found", privacy.search(auth.getName(), query));
        return "privacy/admin-erase";
    }

    @PostMapping("/admin/privacy/erase")
    String erase(@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String receivedOn, Authentication auth, Model model,
            RedirectAttributes redirect) {
        Query query = query(email, phone, auth, model);
        LocalDate received = received(receivedOn, model);
        if (query == null || received == null) {
            return start(model);
        }
        int found = privacy.search(auth.getName(), query).size();
        int erased = privacy.erase(auth.getName(), query);
        requests.record(auth.getName(), PrivacyRequests.Kind.ERASURE, received, today(), found, erased);
        redirect.addFlashAttribute("erased", erased);
        return "redirect:/admin/privacy";
    }
}
