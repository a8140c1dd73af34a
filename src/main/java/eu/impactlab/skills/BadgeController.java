package eu.impactlab.skills;

import eu.impactlab.platform.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Open Badges 3.0: the issuer's DID document, a completer's claim page behind their manage link, a credential's public
 * page and its JSON byte for byte as issued, and verification as JSON.
 */
@Controller
@Tag(name = "Credentials", description = "Open Badges 3.0 credentials of course completers")
class BadgeController {

    static final String LD_JSON = "application/ld+json";
    /** The revocation reason when the holder asked for it themselves. */
    static final String HOLDER_REQUEST = "holder's request";
    static final int MAX_NAME = 200;
    private static final ZoneId BREMEN = ZoneId.of("Europe/Berlin");

    private final Badges badges;
    private final MessageSource messages;
    private final BadgePdf pdf;
    private final eu.impactlab.privacy.PrivacyService privacy;
    private final eu.impactlab.courses.CourseService courses;
    private final Achievements achievements;

    BadgeController(Badges badges, MessageSource messages, BadgePdf pdf, eu.impactlab.privacy.PrivacyService privacy,
            eu.impactlab.courses.CourseService courses, Achievements achievements) {
        this.achievements = achievements;
        this.badges = badges;
        this.privacy = privacy;
        this.courses = courses;
        this.messages = messages;
        this.pdf = pdf;
    }

    @GetMapping(path = "/.well-known/did.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "The issuer's did:web document with its Ed25519 keys as Multikey (old keys stay listed)")
    ResponseEntity<String> did() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(badges.didDocument().toString());
    }

    /** The claim page: before issuing, the choice whether the badge names the person; afterwards the badge's files. */
    @GetMapping("/skills/badge/{manageToken}")
    String claim(@PathVariable String manageToken, Model model, HttpServletResponse response) {
        Optional<Badges.Stored> issued = badges.issued(manageToken);
        if (issued.isPresent()) {
            model.addAttribute("token", manageToken);
            return badgePage(issued.get(), model);
        }
        if (badges.claimable(manageToken)) {
            model.addAttribute("manageToken", manageToken);
            return "skills/badge-claim";
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "skills/badge-unknown";
    }

    /** Issues the badge, with the name as a salted hash only when the person chose to be named. */
    @PostMapping("/skills/badge/{manageToken}")
    String issue(@PathVariable String manageToken, @RequestParam(defaultValue = "false") boolean named,
            @RequestParam(required = false) String name, Model model, HttpServletResponse response) {
        String typed = name == null ? "" : Badges.normalisedName(name);
        if (named && badges.issued(manageToken).isEmpty() && badges.claimable(manageToken)
                && (typed.isEmpty() || typed.length() > MAX_NAME)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("nameError", typed.isEmpty() ? "skills.badge.name.missing" : "skills.badge.name.tooLong");
            model.addAttribute("named", true);
            model.addAttribute("typedName", name);
            model.addAttribute("manageToken", manageToken);
            return "skills/badge-claim";
        }
        if (badges.claim(manageToken, named ? typed : null).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "skills/badge-unknown";
        }
        return "redirect:/skills/badge/" + manageToken;
    }

    private String badgePage(Badges.Stored badge, Model model) {
        String name = DataIntegrity.parse(badge.json()).getString("name", "");
        model.addAttribute("badge", badge);
        // Isolated, so a title in another script (an Arabic title on a Ukrainian page) keeps the sentence's order.
        model.addAttribute("name", TextRules.isolated(name));
        model.addAttribute("linkedIn", linkedInUrl(badge, name));
        model.addAttribute("named", Badges.namesSomeone(badge.json()));
        return "skills/badge";
    }

    /** The holder hides their badge's public page, or shows it again. */
    @PostMapping("/skills/badge/{token}/visibility")
    String visibility(@PathVariable String token, @RequestParam(defaultValue = "false") boolean hidden,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, HttpServletResponse response) {
        Optional<Badges.Stored> issued = badges.issued(token);
        if (issued.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "skills/badge-unknown";
        }
        badges.hide(issued.get().id(), hidden);
        redirect.addFlashAttribute("message", hidden ? "skills.holder.hidden" : "skills.holder.shown");
        return "redirect:/skills/badge/" + token;
    }

    /** The holder's request to revoke their own badge: first this confirmation page. */
    @GetMapping("/skills/badge/{token}/revoke")
    String confirmRevocation(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Badges.Stored> issued = badges.issued(token);
        if (issued.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "skills/badge-unknown";
        }
        model.addAttribute("token", token);
        model.addAttribute("badge", issued.get());
        model.addAttribute("name", "\u2068" + DataIntegrity.parse(issued.get().json()).getString("name", "") + "\u2069");
        return "skills/holder-revoke";
    }

    /** Revokes the holder's badge at once, with the reason "holder's request", in the audit trail. */
    @PostMapping("/skills/badge/{token}/revoke")
    String revokeByHolder(@PathVariable String token, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
            HttpServletResponse response) {
        Optional<Badges.Stored> issued = badges.issued(token);
        if (issued.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "skills/badge-unknown";
        }
        Badges.Stored badge = issued.get();
        if (badges.revoke(badge.id(), HOLDER_REQUEST)) {
            privacy.audit(null, "BADGE_REVOKED_BY_HOLDER", "badge", badge.id(), courses.labOf(badge.courseId()).orElse(null), HOLDER_REQUEST);
        }
        redirect.addFlashAttribute("message", "skills.holder.revoked");
        return "redirect:/skills/badge/" + token;
    }

    /** LinkedIn's documented "add to profile" link for a certification, filled with this badge. */
    private String linkedInUrl(Badges.Stored badge, String name) {
        ZonedDateTime issued = badge.issuedAt().atZone(BREMEN);
        return UriComponentsBuilder.fromUriString("https://www.linkedin.com/profile/add")
                .queryParam("startTask", "CERTIFICATION_NAME")
                .queryParam("name", name)
                .queryParam("organizationName", Badges.ISSUER_NAME)
                .queryParam("issueYear", issued.getYear())
                .queryParam("issueMonth", issued.getMonthValue())
                .queryParam("certUrl", badges.publicUrl(badge.id()))
                .queryParam("certId", badge.id())
                .encode().build().toUriString();
    }

    @GetMapping(path = "/credentials/{id}", produces = LD_JSON)
    @ResponseBody
    ResponseEntity<byte[]> credentialAsJsonLd(@PathVariable String id) {
        if (badges.byId(id).filter(b -> b.hiddenAt() != null).isPresent()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return json(id, LD_JSON);
    }

    @GetMapping("/credentials/{id}.json")
    @ResponseBody
    @Operation(summary = "A credential's JSON exactly as issued")
    ResponseEntity<byte[]> credentialJson(@PathVariable String id) {
        return json(id, MediaType.APPLICATION_JSON_VALUE);
    }

    @GetMapping("/credentials/status/{n}")
    @ResponseBody
    @Operation(summary = "The signed Bitstring Status List credential number n (from 1): the revoked badges' bits are set")
    ResponseEntity<String> statusList(@PathVariable int n) {
        return badges.statusList(n).map(list -> ResponseEntity.ok().header("Content-Type", LD_JSON)
                        .header("Cache-Control", "max-age=300").body(list.toString()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/credentials/{id}.png")
    @ResponseBody
    @Operation(summary = "The badge image with the credential baked in (one iTXt chunk openbadgecredential)")
    ResponseEntity<byte[]> credentialPng(@PathVariable String id) {
        return badges.byId(id).map(b -> file(BakedBadges.png(b.json()), MediaType.IMAGE_PNG_VALUE, b.id() + ".png"))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/credentials/{id}.svg")
    @ResponseBody
    @Operation(summary = "The badge image as SVG with the credential baked in (openbadges:credential)")
    ResponseEntity<byte[]> credentialSvg(@PathVariable String id) {
        return badges.byId(id).map(b -> file(BakedBadges.svg(b.json(), DataIntegrity.parse(b.json()).getString("name", "")).getBytes(
                StandardCharsets.UTF_8), "image/svg+xml", b.id() + ".svg"))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/credentials/{id}.pdf")
    @ResponseBody
    @Operation(summary = "The badge as a one-page PDF with a QR code to its verification page")
    ResponseEntity<byte[]> credentialPdf(@PathVariable String id, Locale locale) {
        return badges.byId(id).map(b -> file(pdf.render(b, locale), MediaType.APPLICATION_PDF_VALUE, b.id() + ".pdf"))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
        return ResponseEntity.ok().header("Content-Type", type)
                .header("Content-Disposition", "attachment; filename=\"badge-" + name + "\"").body(content);
    }

    @GetMapping("/credentials/{id}")
    String credentialPage(@PathVariable String id, Model model, HttpServletResponse response) {
        // a page the holder hid answers like one that never existed
        return badges.byId(id).filter(b -> b.hiddenAt() == null).map(b -> {
            model.addAttribute("badge", b);
            model.addAttribute("verification", badges.verify(b.json()));
            model.addAttribute("name", DataIntegrity.parse(b.json()).getString("name", ""));
            return "skills/credential";
        }).orElseGet(() -> {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "skills/badge-unknown";
        });
    }

    @GetMapping("/achievements/{courseId}/image")
    @ResponseBody
    @Operation(summary = "The image of a course's achievement, as its coordinator uploaded it (PNG or a script-free SVG)")
    ResponseEntity<byte[]> achievementImage(@PathVariable long courseId) {
        return achievements.image(courseId).map(i -> ResponseEntity.ok().header("Content-Type", i.type())
                        // an SVG opened on its own must not run anything, even if it slipped through the check
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                        .header("Cache-Control", "max-age=3600").body(i.data()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/verify")
    String verifyPage() {
        return "skills/verify";
    }

    /** The verify page's form: a badge file or its pasted content. */
    @PostMapping("/verify")
    String verifyForm(@org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String credential,
            @RequestParam(required = false) String name, Model model) throws java.io.IOException {
        BakedBadges.Extracted extracted = file != null && !file.isEmpty() ? BakedBadges.extract(file.getBytes())
                : new BakedBadges.Extracted(credential == null ? "" : credential, null);
        model.addAttribute("verification", extracted.problem() != null
                ? new Badges.Verification(false, false, null, null, java.util.List.of(extracted.problem()))
                : badges.verify(extracted.json()));
        if (extracted.problem() == null && name != null && !Badges.normalisedName(name).isEmpty()) {
            // "NONE": the badge names nobody, so there is nothing to compare the told name with.
            model.addAttribute("nameCheck", Badges.nameMatches(extracted.json(), name).map(m -> m ? "MATCHES" : "DIFFERS").orElse("NONE"));
        }
        return "skills/verify";
    }

    record VerifyJson(boolean verified, boolean revoked, String issuer, String achievement, java.util.List<String> problems,
            java.util.List<String> messages) {
    }

    @PostMapping(path = "/api/v1/credentials/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Operation(summary = "Verifies a credential of this issuer: signature over the unchanged content, issuer, key, revocation")
    VerifyJson verify(@RequestBody(required = false) String credential, Locale locale) {
        Badges.Verification v = badges.verify(credential == null ? "" : credential);
        return new VerifyJson(v.verified(), v.revoked(), v.issuer(), v.achievement(), v.problems(),
                v.problems().stream().map(p -> messages.getMessage("skills.verify.problem." + p, null, locale)).toList());
    }

    private ResponseEntity<byte[]> json(String id, String type) {
        return badges.byId(id)
                .map(b -> ResponseEntity.ok().header("Content-Type", type)
                        .header("Content-Disposition", "inline; filename=\"badge-" + b.id() + ".json\"")
                        .body(b.json().getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
