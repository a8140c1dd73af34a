package eu.impactlab.web;

import eu.impactlab.platform.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Input nobody can use gets a 400 in the user's language, whatever it was: a problem detail for the API, a page with a
 * way to start again for forms. Without this, a NUL in a field or an unreadable body would end as an empty error.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BadInputAdvice {

    private final MessageSource messages;

    BadInputAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BadInputException.class)
    Object badInput(BadInputException e, HttpServletRequest request, Locale locale) {
        return answer(e.messageKey(), e.restartPath(), request, locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpServletRequest request, Locale locale) {
        return answer("input.error.unreadable", null, request, locale);
    }

    /**
     * Also a form field of the wrong type (binding fails: Spring's own answer would log the rejected value, which can be
     * anything a person typed) and a parameter name the firewall refuses, found only when the parameters are first read.
     */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, BindException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class, DateTimeException.class, RequestRejectedException.class})
    Object badParameter(HttpServletRequest request, Locale locale) {
        return answer("input.error.parameter", null, request, locale);
    }

    private Object answer(String messageKey, String restartPath, HttpServletRequest request, Locale locale) {
        String text = messages.getMessage(messageKey, null, locale);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text);
            problem.setTitle(messages.getMessage("form.errors.title", null, locale));
            return ResponseEntity.badRequest().body(problem);
        }
        ModelAndView page = new ModelAndView("error/400");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("message", text);
        page.addObject("restartPath", restartPath != null ? restartPath : startOfFlow(request));
        return page;
    }

    /** Where a person in the middle of booking or registering starts again; elsewhere the start page. */
    private static String startOfFlow(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/book") ? "/book" : path.startsWith("/courses/") ? "/courses" : "/";
    }
}
