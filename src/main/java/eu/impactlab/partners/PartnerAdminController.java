package eu.impactlab.partners;

import eu.impactlab.accounts.AccountService;
import eu.impactlab.accounts.AccountView;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.BremenDistricts;
import eu.impactlab.platform.ContactRules;
import eu.impactlab.platform.TextRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinators' side: the queue per lab, one request with all its messages and notes, the reach report, invitations. */
@Controller
@RequestMapping("/admin/partners")
class PartnerAdminController {

    static final String VIEW_QUEUE = "partners/admin-queue";
    static final String VIEW_REQUEST = "partners/admin-request";
    static final String VIEW_REPORT = "partners/admin-report";
    static final String VIEW_INVITE = "partners/admin-invite";
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{3,60}");

    private final PartnerService partners;
    private final AccountService accounts;

    PartnerAdminController(PartnerService partners, AccountService accounts) {
        this.partners = partners;
        this.accounts = accounts;
    }

    @GetMapping
    String queue(@RequestParam(required = false) String lab, @RequestParam(defaultValue = "ALL") String filter,
            Authentication who, Model model) {
        List<LabView> labs = partners.labsOf(who);
        if (labs.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        LabView current = labs.stream().filter(l -> l.slug().equals(lab)).findFirst().orElse(labs.get(0));
        PartnerService.QueueFilter f = Choices.parse(PartnerService.QueueFilter.class, filter)
                .orElse(PartnerService.QueueFilter.ALL);
        model.addAttribute("labs", labs);
        model.addAttribute("lab", current);
        model.addAttribute("filter", f);
        model.addAttribute("filters", PartnerService.QueueFilter.values());
        model.addAttribute("requests", partners.queue(who, current.id(), f));
        model.addAttribute("today", partners.today());
        return VIEW_QUEUE;
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable long id, Authentication who, Model model) {
        RequestView request = partners.requestForStaff(who, id);
        model.addAttribute("request", request);
        model.addAttribute("messages", partners.messagesForStaff(who, id));
        model.addAttribute("log", partners.logForStaff(who, id));
        model.addAttribute("assigned", partners.helpersOf(who, id));
        model.addAttribute("staff", accounts.staffOf(request.labId()));
        model.addAttribute("cancelReasons", Choices.CancelReason.values());
        model.addAttribute("report", partners.report(id).orElse(null));
        model.addAttribute("today", partners.today());
        model.addAttribute("reserved", partners.reservedDevices(request).orElse(null));
        model.addAttribute("candidates", partners.deviceCandidates(who, id));
        model.addAttribute("pooledType", request.deviceLoan() && eu.impactlab.equipment.GroupLoans.lends(request.deviceType()));
        return VIEW_REQUEST;
    }

    @PostMapping("/requests/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "false") boolean askPartner, Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.message", () -> partners.answer(who, id, body, askPartner));
    }

    @PostMapping("/requests/{id}/note")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String body, Authentication who,
            RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.note", () -> partners.note(who, id, body));
    }

    @PostMapping("/requests/{id}/propose")
    String propose(@PathVariable long id, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
            Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.proposed", () -> {
            ZonedDateTime[] range = range(date, from, until);
            partners.propose(who, id, range[0], range[1]);
        });
    }

    @PostMapping("/requests/{id}/schedule")
    String schedule(@PathVariable long id, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
            Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.scheduled", () -> {
            ZonedDateTime[] range = range(date, from, until);
            partners.scheduleDate(who, id, range[0], range[1]);
        });
    }

    /** Reserves the ticked devices, or with none ticked any {@code anyCount} free ones, for a device-loan request. */
    @PostMapping("/requests/{id}/devices")
    String reserveDevices(@PathVariable long id, @RequestParam(name = "device", required = false) List<Long> devices,
            @RequestParam(defaultValue = "") String anyCount, Authentication who, RedirectAttributes redirect) {
        Integer any = RequestForm.number(anyCount);
        return act(id, redirect, "partners.saved.devicesReserved", () -> partners.reserveDevices(who, id,
                devices == null ? List.of() : devices, any == null ? 0 : any));
    }

    @PostMapping("/requests/{id}/helpers")
    String helpers(@PathVariable long id, @RequestParam(name = "helper", required = false) List<Long> helpers,
            Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.helpers",
                () -> partners.assignHelpers(who, id, new HashSet<>(helpers == null ? List.of() : helpers)));
    }

    @PostMapping("/requests/{id}/decline")
    String decline(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String alternative, Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.declined", () -> partners.decline(who, id, reason, alternative));
    }

    @PostMapping("/requests/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication who,
            RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.cancelled",
                () -> partners.cancel(who, id, Choices.parse(Choices.CancelReason.class, reason).orElse(null)));
    }

    @PostMapping("/requests/{id}/delivered")
    String delivered(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.delivered", () -> partners.markDelivered(who, id));
    }

    @PostMapping("/requests/{id}/course")
    String course(@PathVariable long id, Authentication who, RedirectAttributes redirect) {
        return act(id, redirect, "partners.saved.course", () -> partners.makeCourse(who, id));
    }

    @GetMapping("/requests/{id}/report")
    String reportForm(@PathVariable long id, Authentication who, Model model) {
        model.addAttribute("request", partners.requestForStaff(who, id));
        model.addAttribute("groupLanguages", RequestForm.groupLanguages());
        java.util.Map<String, String> values = new java.util.HashMap<>();
        RequestView request = (RequestView) model.getAttribute("request");
        if (request.deviceLoan()) {
            // Prefilled from the group loan: the devices handed out at the desk, or those reserved.
            values.put("devicesLent", String.valueOf(partners.devicesLent(id)));
        }
        model.addAttribute("values", values);
        return VIEW_REPORT;
    }

    @PostMapping("/requests/{id}/report")
    String report(@PathVariable long id, @RequestParam java.util.Map<String, String> values,
            @RequestParam(name = "languages", required = false) List<String> languages, Authentication who, Model model,
            RedirectAttributes redirect) {
        RequestView request = partners.requestForStaff(who, id);
        List<String> problems = new ArrayList<>();
        Integer participants = count(values.get("participants"), problems, "partners.report.participants");
        Integer under12 = count(values.get("under12"), problems, "partners.age.UNDER_12");
        Integer a12 = count(values.get("age12to17"), problems, "partners.age.AGE_12_17");
        Integer a18 = count(values.get("age18to26"), problems, "partners.age.AGE_18_26");
        Integer a27 = count(values.get("age27to64"), problems, "partners.age.AGE_27_64");
        Integer a65 = count(values.get("age65plus"), problems, "partners.age.AGE_65_PLUS");
        Integer first = count(values.get("firstTime"), problems, "partners.report.firstTime");
        Integer minutes = count(values.get("durationMinutes"), problems, "partners.report.duration");
        BigDecimal staffHours = hours(values.get("staffHours"), problems, "partners.report.staffHours");
        BigDecimal volunteerHours = hours(values.get("volunteerHours"), problems, "partners.report.volunteerHours");
        Integer devices = count(values.get("devicesLent"), problems, "partners.report.devices");
        List<String> langs = (languages == null ? List.<String>of() : languages).stream().map(Language::fromTag)
                .flatMap(Optional::stream).map(Language::tag).distinct().toList();
        if (langs.isEmpty()) {
            problems.add("partners.error.languages");
        }
        if (problems.isEmpty() && (minutes < 1)) {
            problems.add("partners.report.duration");
        }
        if (problems.isEmpty()) {
            ReachReport report = new ReachReport(participants, under12, a12, a18, a27, a65, first, langs, minutes,
                    staffHours, volunteerHours, devices);
            try {
                partners.fileReport(who, id, report);
                redirect.addFlashAttribute("saved", "partners.saved.reported");
                return "redirect:/admin/partners/requests/" + id;
            } catch (PartnerException e) {
                problems.add(e.messageKey());
            }
        }
        model.addAttribute("request", request);
        model.addAttribute("groupLanguages", RequestForm.groupLanguages());
        model.addAttribute("values", values);
        model.addAttribute("chosenLanguages", langs);
        model.addAttribute("problems", problems);
        return VIEW_REPORT;
    }

    @GetMapping("/invite")
    String inviteForm(Authentication who, Model model) {
        return invitePage(who, model, new java.util.HashMap<>(), List.of());
    }

    @PostMapping("/invite")
    String invite(@RequestParam java.util.Map<String, String> values, Authentication who, Model model,
            RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        List<LabView> labs = partners.labsOf(who);
        Optional<LabView> lab = labs.stream().filter(l -> l.slug().equals(values.get("lab"))).findFirst();
        if (lab.isEmpty()) {
            problems.add("partners.error.lab");
        }
        String organisation = values.getOrDefault("organisation", "").strip();
        if (organisation.isEmpty() || organisation.length() > 160 || !TextRules.singleLine(organisation)) {
            problems.add("partners.error.organisation");
        }
        var kind = Choices.parse(Choices.OrganisationKind.class, values.get("organisationKind"));
        if (kind.isEmpty()) {
            problems.add("partners.error.organisationKind");
        }
        String stadtteil = values.getOrDefault("stadtteil", "");
        if (!BremenDistricts.ALL.contains(stadtteil)) {
            problems.add("partners.error.stadtteil");
        }
        String username = values.getOrDefault("username", "").strip();
        if (!USERNAME.matcher(username).matches()) {
            problems.add("partners.error.username");
        } else if (partners.usernameTaken(username)) {
            problems.add("partners.error.usernameTaken");
        }
        String name = values.getOrDefault("displayName", "").strip();
        if (name.isEmpty() || name.length() > 120 || !TextRules.singleLine(name)) {
            problems.add("partners.error.displayName");
        }
        String email = values.getOrDefault("email", "").strip();
        if (!ContactRules.emailAcceptable(email) || email.isEmpty()) {
            problems.add("partners.error.email");
        }
        Optional<Language> language = Language.fromTag(values.get("language")).filter(Language::ui);
        if (language.isEmpty()) {
            problems.add("partners.error.language");
        }
        if (!problems.isEmpty()) {
            return invitePage(who, model, values, problems);
        }
        String link;
        try {
            link = partners.invite(who, new PartnerService.InviteInput(lab.get().id(), organisation, kind.get(),
                    stadtteil, username, name, email, language.get()));
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // Two coordinators chose the same user name at once: the database's unique key let one of them win.
            if (!partners.usernameTaken(username)) {
                throw e;
            }
            return invitePage(who, model, values, List.of("partners.error.usernameTaken"));
        }
        redirect.addFlashAttribute("saved", "partners.saved.invited");
        redirect.addFlashAttribute("link", link);
        return "redirect:/admin/partners/invite";
    }

    private String invitePage(Authentication who, Model model, java.util.Map<String, String> values, List<String> problems) {
        List<LabView> labs = partners.labsOf(who);
        if (labs.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        model.addAttribute("labs", labs);
        model.addAttribute("organisations", partners.organisations(who));
        model.addAttribute("organisationKinds", Choices.OrganisationKind.values());
        model.addAttribute("stadtteile", BremenDistricts.GROUPS);
        model.addAttribute("languages", Language.uiLanguages());
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        return VIEW_INVITE;
    }

    private static Integer count(String value, List<String> problems, String field) {
        Integer n = RequestForm.number(value);
        if (n == null || n < 0 || n > 10000) {
            problems.add(field);
            return 0;
        }
        return n;
    }

    private static BigDecimal hours(String value, List<String> problems, String field) {
        try {
            BigDecimal h = new BigDecimal(value == null ? "" : value.strip().replace(',', '.'));
            if (h.signum() < 0 || h.compareTo(BigDecimal.valueOf(10000)) > 0) {
                problems.add(field);
                return BigDecimal.ZERO;
            }
            return h.setScale(1, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            problems.add(field);
            return BigDecimal.ZERO;
        }
    }

    private static ZonedDateTime[] range(String date, String from, String until) {
        LocalDate day = RequestForm.day(date);
        LocalTime start = RequestForm.time(from);
        LocalTime end = RequestForm.time(until);
        if (day == null) {
            throw new PartnerException("partners.error.date");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new PartnerException("partners.error.time");
        }
        return new ZonedDateTime[] {ZonedDateTime.of(day, start, PartnerStore.BREMEN), ZonedDateTime.of(day, end, PartnerStore.BREMEN)};
    }

    private String act(long id, RedirectAttributes redirect, String savedKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", savedKey);
        } catch (PartnerException e) {
            redirect.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/partners/requests/" + id;
    }

    static List<AccountView> none() {
        return List.of();
    }
}
