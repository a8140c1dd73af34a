package eu.impactlab.web;

import eu.impactlab.consultations.ConsultationService;
import eu.impactlab.labs.Language;
import eu.impactlab.labs.LabService;
import eu.impactlab.privacy.PrivacyService;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The start page: what you can do at the labs, in plain words, and the three labs. */
@Controller
class HomeController {

    static final String VIEW_HOME = "home";

    private final LabService labs;
    private final ConsultationService consultations;
    private final SignLanguageVideos signLanguage;

    private final PrivacyService privacy;

    HomeController(LabService labs, ConsultationService consultations, SignLanguageVideos signLanguage,
            PrivacyService privacy) {
        this.privacy = privacy;
        this.labs = labs;
        this.consultations = consultations;
        this.signLanguage = signLanguage;
    }

    @GetMapping("/")
    String home(Locale locale, Model model) {
        model.addAttribute("labs", labs.labs(Language.forLocale(locale)));
        model.addAttribute("signLanguageVideos", signLanguage.videos());
        return VIEW_HOME;
    }

    /** The notice names the video service people are sent to, when the operator has configured one. */
    @GetMapping("/privacy")
    String privacy(Model model) {
        consultations.videoService().ifPresent(url -> model.addAttribute("videoService", url));
        model.addAttribute("noticeForms", privacy.forms());
        return "privacy";
    }

    /**
     * Where the rate limit sends people: a page in their language that says to wait a little. Any method, because the
     * limit forwards form POSTs here too (a GET-only mapping answered them 405).
     */
    @RequestMapping("/too-many-requests")
    String tooManyRequests(jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(429);
        return "error/429";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "accessibility";
    }
}
