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
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
