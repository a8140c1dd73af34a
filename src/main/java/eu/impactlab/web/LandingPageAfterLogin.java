package eu.impactlab.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After login each role starts where its work is: helpers at their day, funders at the impact figures, partners at their requests, everyone else
 * at the staff home. A page that was asked for before the login (a saved request) still wins.
 */
class LandingPageAfterLogin extends SavedRequestAwareAuthenticationSuccessHandler {

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        return landing(authentication);
    }

    static String landing(Authentication who) {
        Set<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (roles.contains("ROLE_HELPER")) {
            return "/staff/day";
        }
        if (roles.contains("ROLE_FUNDER")) {
            return "/impact";
        }
        if (roles.contains("ROLE_PARTNER")) {
            return "/partner";
        }
        return "/admin";
    }
}
