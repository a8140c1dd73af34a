package eu.impactlab.labs;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An unknown lab: the web layer shows the 404 page in the user's language. */
public class LabNotFoundException extends ResponseStatusException {

    public LabNotFoundException(String slug) {
        super(HttpStatus.NOT_FOUND, "no lab with this address");
    }
}
