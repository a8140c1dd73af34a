package eu.impactlab.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff single sign-on through an OpenID Connect provider (README.md documents each setting). Off while the issuer is
 * empty, so a small lab needs none of it.
 */
@ConfigurationProperties("impactlab.sso")
record SingleSignOnProperties(
        String issuerUri,
        String clientId,
        String clientSecret,
        @DefaultValue("Single Sign-On") String name,
        @DefaultValue("impactlab_role") String roleClaim,
        @DefaultValue("impactlab_labs") String labsClaim,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue({"mfa", "otp", "hwk", "swk", "sms", "fpt"}) List<String> secondFactorAmr,
        List<String> secondFactorAcr) {

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /**
     * Whether the ID token says the provider asked for a second factor: an {@code amr} value or the {@code acr} value
     * is one of the configured ones (compared without case).
     */
    boolean secondFactorAtProvider(List<String> amr, String acr) {
        boolean byMethod = amr != null && secondFactorAmr != null && amr.stream()
                .anyMatch(method -> secondFactorAmr.stream().anyMatch(method::equalsIgnoreCase));
        boolean byContext = acr != null && secondFactorAcr != null && secondFactorAcr.stream()
                .anyMatch(value -> !value.isBlank() && value.strip().equals(acr.strip()));
        return byMethod || byContext;
    }
}
