package eu.impactlab.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Someone whose role requires two-factor login but who has not set it up yet sees only their account page until they
 * do: the login marked them with {@link #AUTHORITY}, and the database says whether they have finished since.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorSetupGate implements WebMvcConfigurer {

    static final String AUTHORITY = "TWO_FACTOR_SETUP_REQUIRED";
    static final String SETUP_PAGE = "/admin/account/two-factor";

    private final TwoFactor twoFactor;
    private final AccountRepository accounts;

    TwoFactorSetupGate(TwoFactor twoFactor, AccountRepository accounts) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                Authentication who = SecurityContextHolder.getContext().getAuthentication();
                if (who == null || who.getAuthorities().stream().noneMatch(a -> AUTHORITY.equals(a.getAuthority()))) {
                    return true;
                }
                boolean done = accounts.findByUsername(who.getName()).map(a -> twoFactor.enrolled(a.id)).orElse(true);
                if (!done) {
                    response.sendRedirect(request.getContextPath() + SETUP_PAGE);
                }
                return done;
            }
        }).addPathPatterns("/admin", "/admin/**", "/staff", "/staff/**", "/impact", "/impact/**", "/partner", "/partner/**")
                .excludePathPatterns("/admin/account", "/admin/account/**");
    }
}
