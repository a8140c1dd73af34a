package eu.impactlab.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The problem details every JSON API answers bad input with, so a caller meets one shape in every module: 400 with a
 * title, a detail and each field's message in the caller's language, or 422 when an Idempotency-Key came back with
 * another request.
 */
@Component
public class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** 422 when the key was reused (nothing else matters then), otherwise 400 with the field errors. */
    public ResponseEntity<ProblemDetail> invalid(Map<String, String> fieldKeys, Locale locale) {
        if (IdempotencyKeys.REUSED.equals(fieldKeys.get("idempotencyKey"))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    messages.getMessage(IdempotencyKeys.REUSED, null, locale));
            problem.setTitle(messages.getMessage(IdempotencyKeys.REUSED + ".title", null, locale));
            return ResponseEntity.unprocessableContent().body(problem);
        }
        return ResponseEntity.badRequest().body(fieldErrors("form.errors.title", fieldKeys, locale));
    }

    /** 400 with each field's message; {@code titleKey} names what went wrong as a whole. */
    public ProblemDetail fieldErrors(String titleKey, Map<String, String> fieldKeys, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        fieldKeys.forEach((field, key) -> texts.put(field, messages.getMessage(key, null, locale)));
        String title = messages.getMessage(titleKey, null, locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, title);
        problem.setTitle(title);
        problem.setProperty("errors", texts);
        return problem;
    }
}
