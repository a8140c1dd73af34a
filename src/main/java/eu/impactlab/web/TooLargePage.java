package eu.impactlab.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Where the body limit sends a form that is far too large: a page in the user's language instead of a cut connection. */
@Controller
class TooLargePage {

    @RequestMapping("/too-large")
    String tooLarge(HttpServletResponse response) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        return "error/413";
    }
}
