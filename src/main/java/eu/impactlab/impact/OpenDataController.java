package eu.impactlab.impact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The anonymous open data feed the city may publish: per lab and activity and month, suppressed like the dashboard. */
@RestController
@Tag(name = "Open data", description = "Anonymous, aggregated impact figures per month, lab and activity")
class OpenDataController {

    private final ImpactService impact;
    private final EquipmentFigureListeners equipment;

    OpenDataController(ImpactService impact, EquipmentFigureListeners equipment) {
        this.impact = impact;
        this.equipment = equipment;
    }

    record OpenData(String month, String note, List<ImpactService.OpenDataLine> figures) {
    }

    static final String NOTE = "count is null where fewer than 5 cases (1-4) or where such a number could be derived "
            + "from a total; lab 'all' is the sum over all labs";

    @Operation(summary = "Cases per lab and activity in one month; small numbers are suppressed (null)",
            responses = {@ApiResponse(responseCode = "200", description = "the figures"),
                    @ApiResponse(responseCode = "400", description = "month missing, malformed or in the future")})
    @GetMapping(value = "/api/v1/open-data/impact", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> impact(@Parameter(description = "the month, YYYY-MM", example = "2025-03") @RequestParam(required = false) String month,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
        List<ImpactService.OpenDataLine> lines = impact.openData(month);
        if ("csv".equals(format)) {
            return csv(lines);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new OpenData(lines.isEmpty() ? month : lines.get(0).month(), NOTE, lines));
    }

    @Operation(summary = "The same figures as CSV (UTF-8, comma-separated)")
    @GetMapping(value = "/api/v1/open-data/impact.csv", produces = "text/csv")
    ResponseEntity<?> impactCsv(@Parameter(description = "the month, YYYY-MM") @RequestParam(required = false) String month) {
        return csv(impact.openData(month));
    }

    record EquipmentOpenData(String month, String note, List<EquipmentFigureListeners.OpenLine> figures) {
    }

    @Operation(summary = "Maker space, device loans and door visits per lab in one month: kind (MACHINE_MINUTES, INDUCTION, "
            + "RESERVATION, NO_SHOW, LOAN, OVERDUE, DOOR_VISIT), key (machine type, device type or door reason) and count; "
            + "small numbers are suppressed (null)",
            responses = {@ApiResponse(responseCode = "200", description = "the figures"),
                    @ApiResponse(responseCode = "400", description = "month missing, malformed or in the future")})
    @GetMapping(value = "/api/v1/open-data/equipment", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> equipment(@Parameter(description = "the month, YYYY-MM", example = "2026-11") @RequestParam(required = false) String month,
            @Parameter(description = "json (default) or csv") @RequestParam(required = false) String format) {
        java.time.YearMonth which = impact.month(month);
        List<EquipmentFigureListeners.OpenLine> lines = equipment.openData(which);
        if (!"csv".equals(format)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new EquipmentOpenData(which.toString(), "count is null where fewer than 5 cases (1-4)", lines));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord("month", "lab", "kind", "key", "count");
            for (EquipmentFigureListeners.OpenLine line : lines) {
                printer.printRecord(line.month(), line.lab(), line.kind(), line.key(), line.count() == null ? "" : line.count());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(out.toString());
    }

    private static ResponseEntity<?> csv(List<ImpactService.OpenDataLine> lines) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord("month", "lab", "lab_name", "activity", "count");
            for (ImpactService.OpenDataLine line : lines) {
                printer.printRecord(line.month(), line.lab(), line.labName(), line.activity(),
                        line.count() == null ? "" : line.count());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(out.toString());
    }

    @ExceptionHandler(ImpactQueryException.class)
    ResponseEntity<ProblemDetail> badMonth(ImpactQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "month must be YYYY-MM, from 2000 and not in the future");
        problem.setTitle("Bad month");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
