package eu.impactlab.equipment;

import eu.impactlab.labs.LabAccess;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import eu.impactlab.platform.ContactRules;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The helpers' equipment desk (issue passes, induct, check machines in and out, mark no-shows, lend and take back
 * devices, wipe them) and the coordinators' settings (machines, kiosks). Lab rights are checked here per lab.
 */
@Controller
class EquipmentStaffController {

    private final LabService labs;
    private final MachineStore machines;
    private final MakerPasses passes;
    private final Reservations reservations;
    private final Loans loans;
    private final Kiosks kiosks;
    private final DevicePools pools;
    private final MachineTexts texts;
    private final GroupLoans groupLoans;

    EquipmentStaffController(LabService labs, MachineStore machines, MakerPasses passes, Reservations reservations, Loans loans,
            Kiosks kiosks, DevicePools pools, MachineTexts texts, GroupLoans groupLoans) {
        this.groupLoans = groupLoans;
        this.pools = pools;
        this.texts = texts;
        this.labs = labs;
        this.machines = machines;
        this.passes = passes;
        this.reservations = reservations;
        this.loans = loans;
        this.kiosks = kiosks;
    }

    private List<LabView> myLabs(Authentication auth, Locale locale) {
        return labs.labs(Language.forLocale(locale)).stream().filter(l -> LabAccess.actsFor(auth, l.id())).toList();
    }

    private LabView lab(Long labId, Authentication auth, Locale locale) {
        List<LabView> mine = myLabs(auth, locale);
        if (mine.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (labId == null) {
            return mine.get(0);
        }
        return mine.stream().filter(l -> l.id() == labId).findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    private LabView managedLab(long labId, Authentication auth, Locale locale) {
        LabView lab = lab(labId, auth, locale);
        if (!LabAccess.canManage(auth, lab.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return lab;
    }

    @GetMapping("/staff/equipment")
    String desk(@RequestParam(required = false) Long lab, Authentication auth, Locale locale, Model model) {
        LabView current = lab(lab, auth, locale);
        model.addAttribute("lab", current);
        model.addAttribute("labs", myLabs(auth, locale));
        model.addAttribute("types", MachineType.values());
        model.addAttribute("languages", Language.uiLanguages());
        model.addAttribute("reservations", reservations.atLabOn(current.id(), LocalDate.now(Reservations.BREMEN)));
        model.addAttribute("devices", loans.devicesAt(current.id()));
        // the template cannot reach the package-private lists, so it gets them here
        model.addAttribute("conditions", Loans.CONDITIONS);
        model.addAttribute("damages", Loans.DAMAGES);
        model.addAttribute("wipeSteps", Loans.WIPE_STEPS);
        model.addAttribute("openLoans", loans.open(current.id()));
        model.addAttribute("overdue", loans.overdue(current.id()));
        model.addAttribute("groupLoans", groupLoans.atDesk(current.id()));
        model.addAttribute("today", LocalDate.now(Reservations.BREMEN));
        model.addAttribute("canManage", LabAccess.canManage(auth, current.id()));
        // helpers see the loan rules they lend under, but only coordinators change them
        model.addAttribute("pools", pools.atLab(current.id()).stream()
                .collect(java.util.stream.Collectors.toMap(DevicePools.Pool::id, p -> p)));
        return "equipment/staff";
    }

    private static String back(long lab) {
        return "redirect:/staff/equipment?lab=" + lab;
    }

    @PostMapping("/staff/equipment/{lab}/passes")
    String issuePass(@PathVariable long lab, @RequestParam(defaultValue = "") String nickname,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "de") String language,
            Authentication auth, Locale locale, RedirectAttributes redirect) {
        lab(lab, auth, locale);
        if (nickname.length() > 60 || !ContactRules.emailAcceptable(email) || Language.fromTag(language).isEmpty()) {
            redirect.addFlashAttribute("problem", "equipment.staff.error.pass");
            return back(lab);
        }
        MakerPasses.Issued issued = passes.issue(lab, nickname, email, language);
        return "redirect:/passes/" + issued.token() + "/card?lang=" + language;
    }

    @PostMapping("/staff/equipment/{lab}/inductions")
    String induct(@PathVariable long lab, @RequestParam(defaultValue = "") String passCode, @RequestParam String type,
            Authentication auth, Locale locale, RedirectAttributes redirect) {
        lab(lab, auth, locale);
        Optional<MakerPasses.Pass> pass = passes.byCode(passCode);
        if (pass.isEmpty() || !MachineType.known(type)) {
            redirect.addFlashAttribute("problem", "equipment.error.passUnknown");
            return back(lab);
        }
        passes.induct(pass.get().id(), MachineType.valueOf(type), lab);
        redirect.addFlashAttribute("saved", "equipment.staff.inducted");
        return back(lab);
    }

    @PostMapping("/staff/equipment/{lab}/reservations/{id}/{action}")
    String reservationAction(@PathVariable long lab, @PathVariable long id, @PathVariable String action, Authentication auth,
            Locale locale, RedirectAttributes redirect) {
        lab(lab, auth, locale);
        Reservation r = reservations.byId(id).filter(x -> x.labId() == lab).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean done = switch (action) {
            case "check-in" -> reservations.checkIn(r.id());
            case "check-out" -> reservations.checkOut(r.id());
            case "no-show" -> reservations.noShow(r.id());
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        redirect.addFlashAttribute(done ? "saved" : "problem", done ? "equipment.staff.saved" : "equipment.staff.error.state");
        return back(lab);
    }

    private Loans.Device device(long lab, long id) {
        return loans.device(id).filter(d -> d.labId() == lab).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/staff/equipment/{lab}/devices/{id}/lend")
    String lendForm(@PathVariable long lab, @PathVariable long id, Authentication auth, Locale locale, Model model) {
        model.addAttribute("lab", lab(lab, auth, locale));
        model.addAttribute("device", device(lab, id));
        model.addAttribute("errors", Map.of());
        model.addAttribute("languages", Language.uiLanguages());
        return "equipment/lend";
    }

    @PostMapping("/staff/equipment/{lab}/devices/{id}/lend")
    String lend(@PathVariable long lab, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "false") boolean agreement,
            @RequestParam(defaultValue = "false") boolean identitySeen, @RequestParam(defaultValue = "de") String language,
            Authentication auth, Locale locale, Model model, RedirectAttributes redirect) {
        LabView current = lab(lab, auth, locale);
        Loans.Device device = device(lab, id);
        Map<String, String> errors = loans.checkOut(new Loans.CheckOut(id, name, contact, agreement, identitySeen,
                Language.fromTag(language).orElse(Language.DE).tag()), auth.getName());
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", "equipment.staff.lent");
            loans.openLoanOf(id).filter(l -> !l.remindedByMail())
                    .ifPresent(l -> redirect.addFlashAttribute("noteTheDate", l.dueOn()));
            return back(lab);
        }
        model.addAttribute("lab", current);
        model.addAttribute("device", device);
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("contact", contact);
        model.addAttribute("languages", Language.uiLanguages());
        return "equipment/lend";
    }

    @PostMapping("/staff/equipment/{lab}/devices/{id}/return")
    String takeBack(@PathVariable long lab, @PathVariable long id, @RequestParam(defaultValue = "") String condition,
            @RequestParam(defaultValue = "") String damage, @RequestParam(required = false) String note, Authentication auth,
            Locale locale, RedirectAttributes redirect) {
        lab(lab, auth, locale);
        device(lab, id);
        String problem = loans.checkIn(id, condition, damage, note, auth.getName());
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "equipment.staff.returned" : problem);
        return back(lab);
    }

    @PostMapping("/staff/equipment/{lab}/devices/{id}/wipe")
    String wipe(@PathVariable long lab, @PathVariable long id, @RequestParam(required = false) List<String> steps,
            Authentication auth, Locale locale, RedirectAttributes redirect) {
        lab(lab, auth, locale);
        device(lab, id);
        String problem = loans.wipe(id, steps == null ? Set.of() : new HashSet<>(steps), auth.getName());
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "equipment.staff.wiped" : problem);
        return back(lab);
    }

    /** Hands out a group loan's reserved, wiped devices to the organisation; they come back one by one as any loan. */
    @PostMapping("/staff/equipment/{lab}/group-loans/{id}/hand-out")
    String handOut(@PathVariable long lab, @PathVariable long id, @RequestParam(defaultValue = "false") boolean agreement,
            Authentication auth, Locale locale, RedirectAttributes redirect) {
        lab(lab, auth, locale);
        String problem = groupLoans.handOut(lab, id, agreement);
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "equipment.staff.groupHandedOut" : problem);
        return back(lab) + "#group-h";
    }

    @PostMapping("/staff/equipment/{lab}/devices/{id}/renew")
    String renew(@PathVariable long lab, @PathVariable long id, Authentication auth, Locale locale, RedirectAttributes redirect) {
        lab(lab, auth, locale);
        device(lab, id);
        String problem = loans.renew(id, auth.getName());
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "equipment.staff.renewed" : problem);
        if (problem == null) {
            loans.openLoanOf(id).filter(l -> !l.remindedByMail())
                    .ifPresent(l -> redirect.addFlashAttribute("noteTheDate", l.dueOn()));
        }
        return back(lab);
    }

    // --- coordinators ---

    private static String settings(long lab) {
        return "redirect:/admin/equipment?lab=" + lab;
    }

    private DevicePools.Pool pool(long lab, long id) {
        return pools.pool(id).filter(p -> p.labId() == lab).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Keeps what was typed when a pool or device form is refused, so the coordinator fixes it instead of typing it again. */
    private static String refused(long lab, String form, String problem, Map<String, String> typed, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", problem);
        redirect.addFlashAttribute("draftFor", form);
        redirect.addFlashAttribute("draft", typed);
        return settings(lab) + "#" + form;
    }

    private static DevicePools.PoolForm poolForm(String name, String type, String accessories, String days, String renewals,
            boolean onePerBorrower) {
        return new DevicePools.PoolForm(name, type, accessories, number(days), number(renewals), onePerBorrower);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @PostMapping("/admin/equipment/{lab}/pools")
    String createPool(@PathVariable long lab, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String accessories,
            @RequestParam(defaultValue = "") String loanDays, @RequestParam(defaultValue = "") String maxRenewals,
            @RequestParam(defaultValue = "false") boolean onePerBorrower, Authentication auth, Locale locale,
            RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        String problem = pools.create(lab, poolForm(name, type, accessories, loanDays, maxRenewals, onePerBorrower));
        if (problem != null) {
            return refused(lab, "pool-new", problem, Map.of("name", name, "type", type, "accessories", accessories,
                    "loanDays", loanDays, "maxRenewals", maxRenewals), redirect);
        }
        redirect.addFlashAttribute("saved", "equipment.pool.created");
        return settings(lab);
    }

    @PostMapping("/admin/equipment/{lab}/pools/{id}")
    String updatePool(@PathVariable long lab, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String accessories,
            @RequestParam(defaultValue = "") String loanDays, @RequestParam(defaultValue = "") String maxRenewals,
            @RequestParam(defaultValue = "false") boolean onePerBorrower, Authentication auth, Locale locale,
            RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        pool(lab, id);
        String problem = pools.update(id, poolForm(name, type, accessories, loanDays, maxRenewals, onePerBorrower));
        if (problem != null) {
            return refused(lab, "pool-" + id, problem, Map.of("name", name, "type", type, "accessories", accessories,
                    "loanDays", loanDays, "maxRenewals", maxRenewals), redirect);
        }
        redirect.addFlashAttribute("saved", "equipment.staff.saved");
        return settings(lab);
    }

    @PostMapping("/admin/equipment/{lab}/pools/{id}/devices")
    String addDevice(@PathVariable long lab, @PathVariable long id, @RequestParam(defaultValue = "") String assetTag,
            @RequestParam(defaultValue = "") String accessories, Authentication auth, Locale locale, RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        pool(lab, id);
        String problem = pools.addDevice(id, assetTag, accessories);
        if (problem != null) {
            return refused(lab, "device-new-" + id, problem, Map.of("assetTag", assetTag, "accessories", accessories), redirect);
        }
        redirect.addFlashAttribute("saved", "equipment.device.added");
        return settings(lab);
    }

    @PostMapping("/admin/equipment/{lab}/devices/{id}/retire")
    String retireDevice(@PathVariable long lab, @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
            Authentication auth, Locale locale, RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        device(lab, id);
        if (!confirm) {
            redirect.addFlashAttribute("problem", "equipment.device.retire.confirmFirst");
            return settings(lab);
        }
        String problem = pools.retire(id);
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "equipment.device.retired" : problem);
        return settings(lab);
    }

    @PostMapping("/admin/equipment/{lab}/devices/{id}/repaired")
    String repaired(@PathVariable long lab, @PathVariable long id, Authentication auth, Locale locale, RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        device(lab, id);
        String problem = pools.repaired(id);
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "equipment.device.repairedDone" : problem);
        return settings(lab);
    }

    @PostMapping("/admin/equipment/{lab}/machines/{id}")
    String updateMachine(@PathVariable long lab, @PathVariable long id, @RequestParam String state,
            @RequestParam(defaultValue = "") String induction, @RequestParam int buffer, @RequestParam int max,
            @RequestParam int quota, Authentication auth, Locale locale, RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        machines.byId(id).filter(m -> m.labId() == lab).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!List.of("ACTIVE", "MAINTENANCE", "RETIRED").contains(state) || (!induction.isEmpty() && !MachineType.known(induction))
                || buffer < 0 || buffer > 240 || max < 15 || max > 720 || quota < 15 || quota > 5040) {
            redirect.addFlashAttribute("problem", "equipment.staff.error.machine");
            return "redirect:/admin/equipment?lab=" + lab;
        }
        machines.update(id, state, induction.isEmpty() ? null : MachineType.valueOf(induction), buffer, max, quota, auth.getName());
        redirect.addFlashAttribute("saved", "equipment.staff.saved");
        return "redirect:/admin/equipment?lab=" + lab;
    }

    private Machine labMachine(long lab, long id) {
        return machines.byId(id).filter(m -> m.labId() == lab).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/admin/equipment/{lab}/machines/{id}/texts")
    String textsForm(@PathVariable long lab, @PathVariable long id, Authentication auth, Locale locale, Model model) {
        return textsPage(managedLab(lab, auth, locale), labMachine(lab, id), texts.entries(id), null, locale, model);
    }

    private String textsPage(LabView lab, Machine machine, List<MachineTexts.Entry> entries, String problem, Locale locale, Model model) {
        model.addAttribute("lab", lab);
        model.addAttribute("machine", machine);
        model.addAttribute("entries", entries);
        model.addAttribute("text", texts.in(machine, Language.forLocale(locale)));
        model.addAttribute("languages", Language.uiLanguages().stream()
                .collect(java.util.stream.Collectors.toMap(Language::tag, l -> l)));
        model.addAttribute("maxPhotoMegabytes", MachineTexts.MAX_PHOTO_BYTES / 1_000_000);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        return "equipment/machine-texts";
    }

    @PostMapping("/admin/equipment/{lab}/machines/{id}/texts")
    String saveTexts(@PathVariable long lab, @PathVariable long id, @RequestParam Map<String, String> form, Authentication auth,
            Locale locale, Model model, RedirectAttributes redirect) {
        LabView current = managedLab(lab, auth, locale);
        Machine machine = labMachine(lab, id);
        List<MachineTexts.Entry> entries = Language.uiLanguages().stream().map(l -> new MachineTexts.Entry(l.tag(),
                form.getOrDefault("name_" + l.tag(), "").strip(), form.getOrDefault("description_" + l.tag(), "").strip(),
                form.getOrDefault("alt_" + l.tag(), "").strip())).toList();
        String problem = MachineTexts.problem(entries);
        if (problem == null && entries.get(0).name().isBlank()) {
            problem = "equipment.texts.error.german";
        }
        if (problem != null) {
            return textsPage(current, machine, entries, problem, locale, model);
        }
        texts.save(id, entries);
        redirect.addFlashAttribute("saved", "equipment.staff.saved");
        return "redirect:/admin/equipment/" + lab + "/machines/" + id + "/texts";
    }

    @PostMapping("/admin/equipment/{lab}/machines/{id}/photo")
    String uploadPhoto(@PathVariable long lab, @PathVariable long id,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile photo, Authentication auth, Locale locale,
            RedirectAttributes redirect) throws java.io.IOException {
        managedLab(lab, auth, locale);
        labMachine(lab, id);
        String problem = photo == null || photo.isEmpty() ? "equipment.photo.error.missing"
                : photo.getSize() > MachineTexts.MAX_PHOTO_BYTES ? "equipment.photo.error.size"
                : texts.savePhoto(id, photo.getBytes());
        redirect.addFlashAttribute(problem == null ? "saved" : "problem", problem == null ? "equipment.photo.saved" : problem);
        return "redirect:/admin/equipment/" + lab + "/machines/" + id + "/texts";
    }

    @PostMapping("/admin/equipment/{lab}/machines/{id}/photo/remove")
    String removePhoto(@PathVariable long lab, @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
            Authentication auth, Locale locale, RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        labMachine(lab, id);
        if (!confirm) {
            redirect.addFlashAttribute("problem", "equipment.photo.remove.confirmFirst");
        } else {
            texts.removePhoto(id);
            redirect.addFlashAttribute("saved", "equipment.photo.removed");
        }
        return "redirect:/admin/equipment/" + lab + "/machines/" + id + "/texts";
    }

    @PostMapping("/admin/equipment/{lab}/kiosks")
    String pairKiosk(@PathVariable long lab, @RequestParam(required = false) Long kiosk, Authentication auth, Locale locale,
            RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        redirect.addFlashAttribute("pairingCode", kiosks.newPairingCode(lab, kiosk, "Eingang"));
        return "redirect:/admin/equipment?lab=" + lab;
    }

    @PostMapping("/admin/equipment/{lab}/kiosks/{id}/off")
    String switchOff(@PathVariable long lab, @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
            Authentication auth, Locale locale, RedirectAttributes redirect) {
        managedLab(lab, auth, locale);
        if (!confirm) {
            redirect.addFlashAttribute("problem", "equipment.admin.kiosk.confirmOff");
            return "redirect:/admin/equipment?lab=" + lab;
        }
        kiosks.switchOff(id, lab);
        redirect.addFlashAttribute("saved", "equipment.staff.kioskOff");
        return "redirect:/admin/equipment?lab=" + lab;
    }

    @GetMapping("/admin/equipment")
    String admin(@RequestParam(required = false) Long lab, Authentication auth, Locale locale, Model model) {
        LabView current = lab(lab, auth, locale);
        managedLab(current.id(), auth, locale);
        model.addAttribute("lab", current);
        model.addAttribute("labs", myLabs(auth, locale).stream().filter(l -> LabAccess.canManage(auth, l.id())).toList());
        model.addAttribute("machines", machines.atLab(current.id(), true));
        model.addAttribute("types", MachineType.values());
        model.addAttribute("kiosks", kiosks.atLab(current.id()));
        model.addAttribute("overdue", loans.overdue(current.id()));
        model.addAttribute("pools", pools.atLab(current.id()));
        model.addAttribute("devices", loans.devicesAt(current.id()));
        model.addAttribute("deviceTypes", DevicePools.DEVICE_TYPES);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", Map.of());
            model.addAttribute("draftFor", "");
        }
        return "equipment/admin";
    }
}
