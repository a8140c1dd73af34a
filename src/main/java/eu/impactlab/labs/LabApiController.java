package eu.impactlab.labs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/labs")
@Tag(name = "Labs", description = "The Digital Impact Labs and where they are")
class LabApiController {

    private final LabService labs;

    LabApiController(LabService labs) {
        this.labs = labs;
    }

    @GetMapping
    @Operation(summary = "All labs with address, district and the languages spoken there")
    List<LabJson> list(Locale locale) {
        return labs.labs(Language.forLocale(locale)).stream().map(LabJson::of).toList();
    }

    record LabJson(String slug, String name, Address address, District district, List<String> languages) {

        static LabJson of(LabView lab) {
            return new LabJson(lab.slug(), lab.name(),
                    new Address(lab.street(), lab.postalCode(), lab.city()),
                    new District(lab.stadtbezirk(), lab.stadtteil()),
                    lab.languages().stream().map(Language::tag).toList());
        }
    }

    record Address(String street, String postalCode, String city) {
    }

    record District(String stadtbezirk, String stadtteil) {
    }
}
