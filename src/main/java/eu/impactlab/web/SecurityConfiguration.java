package eu.impactlab.web;

import eu.impactlab.accounts.LoginThrottledException;
import eu.impactlab.accounts.SingleSignOn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline scripts or styles anywhere, and nothing from other hosts. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain web(HttpSecurity http, SingleSignOn singleSignOn) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/admin/accounts", "/admin/accounts/**").hasRole("ADMIN")
                .requestMatchers("/admin/outbox", "/admin/outbox/**").hasRole("ADMIN")
                .requestMatchers("/admin/easy-language", "/admin/easy-language/**").hasRole("ADMIN")
                .requestMatchers("/admin/labs", "/admin/labs/**").hasAnyRole("ADMIN", "COORDINATOR")
                .requestMatchers("/admin/privacy/register", "/admin/privacy/register.pdf", "/admin/privacy/audit").hasRole("ADMIN")
                .requestMatchers("/admin/privacy", "/admin/privacy/**").hasAnyRole("ADMIN", "COORDINATOR")
                .requestMatchers("/admin/consultations/**").hasAnyRole("ADMIN", "COORDINATOR")
                .requestMatchers("/admin/courses", "/admin/courses/**").hasAnyRole("ADMIN", "COORDINATOR")
                .requestMatchers("/admin/partners", "/admin/partners/**").hasAnyRole("ADMIN", "COORDINATOR")
                .requestMatchers("/admin/ideas", "/admin/ideas/**").hasAnyRole("ADMIN", "COORDINATOR")
                .requestMatchers("/admin/equipment", "/admin/equipment/**").hasAnyRole("ADMIN", "COORDINATOR")
                .requestMatchers("/admin/badges", "/admin/badges/**").hasAnyRole("ADMIN", "COORDINATOR")
                // Every role, but not an account from single sign-on that still waits for its role.
                .requestMatchers("/admin", "/admin/**").hasAnyRole("ADMIN", "COORDINATOR", "HELPER", "PARTNER", "FUNDER")
                .requestMatchers("/partner", "/partner/**").hasRole("PARTNER")
                .requestMatchers("/impact", "/impact/**").hasAnyRole("ADMIN", "COORDINATOR", "FUNDER")
                .requestMatchers("/staff/courses", "/staff/courses/**").hasAnyRole("HELPER", "COORDINATOR", "ADMIN")
                .requestMatchers("/staff", "/staff/**").hasAnyRole("HELPER", "COORDINATOR", "ADMIN")
                // Courses for everyone: catalogue, course pages, registration, manage links and calendar feeds.
                .requestMatchers("/courses", "/courses/**", "/courses.ics", "/labs/*/courses.ics").permitAll()
                .anyRequest().permitAll())
            .formLogin(form -> form
                .loginPage("/login")
                .usernameParameter("username")
                .passwordParameter("password")
                .successHandler(new LandingPageAfterLogin())
                .failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
                        + (exception instanceof LoginThrottledException ? "/login?throttled" : "/login?error")))
                .permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut").permitAll())
            // The public API and the manage links need no session: the secret token in the link is the protection.
            .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/appointments/**", "/courses/registrations/**",
                    "/skills/check/**", "/skills/course/**", "/ideas/manage/**", "/ideas/unfollow/**",
                    "/privacy/my-data/**", "/reservations/*/cancel", "/kiosk/taps"))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY
                        // The logout form's answer redirects to the provider's logout page.
                        .replace("form-action 'self'", "form-action 'self'" + singleSignOn.providerOrigin())))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        // Staff single sign-on (OpenID Connect), only when configured.
        singleSignOn.configure(http, new LandingPageAfterLogin());
        return http.build();
    }
}
