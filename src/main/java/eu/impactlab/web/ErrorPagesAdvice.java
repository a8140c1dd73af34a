package eu.impactlab.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Error pages in the user's language, rendered right here (not via a forward to /error) so they keep the request's
 * language; the JSON API gets RFC 9457 problem details instead.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPagesAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorPagesAdvice.class);

    /** While the database is unreachable: a kind 503; the connection pool reconnects by itself when it is back. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    Object databaseDown(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Database unreachable: {}", e.getClass().getSimpleName());
        response.setHeader("Retry-After", "30");
        return page(HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(ResponseStatusException.class)
    Object statusException(ResponseStatusException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return page(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noSuchPage(HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, request);
    }

    private static Object page(HttpStatus status, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).body(ProblemDetail.forStatus(status));
        }
        String view = switch (status) {
            case NOT_FOUND, FORBIDDEN, SERVICE_UNAVAILABLE, INTERNAL_SERVER_ERROR -> "error/" + status.value();
            default -> "error/error";
        };
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }
}
