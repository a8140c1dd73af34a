package eu.impactlab.accounts;

import eu.impactlab.platform.QrCodes;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Setting up one's own two-factor login: scan the QR code (or type the secret) into an authenticator app, confirm
 * with its first code, and write down ten recovery codes that are shown this once.
 */
@Controller
@RequestMapping(TwoFactorSetupGate.SETUP_PAGE)
class TwoFactorController {

    static final String VIEW = "accounts/two-factor";
    static final String ISSUER = "Digital Impact Labs";

    private final AccountService accounts;
    private final TwoFactor twoFactor;
    private final TwoFactorPolicy policy;
    private final MessageSource messages;

    TwoFactorController(AccountService accounts, TwoFactor twoFactor, TwoFactorPolicy policy, MessageSource messages) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.policy = policy;
        this.messages = messages;
    }

    @GetMapping
    String show(Authentication who, Model model) {
        return page(me(who), null, null, model);
    }

    @PostMapping
    String confirm(@RequestParam(defaultValue = "") String code, Authentication who, Model model) {
        AccountView me = me(who);
        return twoFactor.confirm(me.id(), code)
                .map(codes -> page(me, codes, null, model))
                .orElseGet(() -> page(me, null, "twofactor.error.code", model));
    }

    @PostMapping("/recovery-codes")
    String newRecoveryCodes(@RequestParam(defaultValue = "") String code, Authentication who, Model model) {
        AccountView me = me(who);
        if (!twoFactor.enrolled(me.id()) || !twoFactor.verify(me.id(), code)) {
            return page(me, null, "twofactor.error.code", model);
        }
        return page(me, twoFactor.newRecoveryCodes(me.id()), null, model);
    }

    private String page(AccountView me, List<String> recoveryCodes, String error, Model model) {
        boolean enrolled = twoFactor.enrolled(me.id());
        model.addAttribute("me", me);
        model.addAttribute("enrolled", enrolled);
        model.addAttribute("required", policy.requiredFor(me.role()));
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("recoveryCodesLeft", enrolled ? twoFactor.recoveryCodesLeft(me.id()) : 0);
        model.addAttribute("error", error);
        if (!enrolled) {
            String secret = twoFactor.pendingSecret(me.id()).orElseThrow();
            model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
            model.addAttribute("qr", QrCodes.svg(Totp.uri(ISSUER, me.username(), secret),
                    messages.getMessage("twofactor.qr.label", null, LocaleContextHolder.getLocale())));
        }
        return VIEW;
    }

    private AccountView me(Authentication who) {
        return accounts.byUsername(who.getName()).orElseThrow();
    }
}
