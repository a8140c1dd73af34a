package eu.impactlab.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** While the database is unreachable, pages say so kindly with a 503; the connection pool recovers by itself. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseDownAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseDownAdvice.class);

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    String databaseDown(Exception e, HttpServletResponse response) {
        log.warn("Database unreachable: {}", e.getClass().getSimpleName());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        return "error/503";
    }
}
