package eu.impactlab.partners;

import eu.impactlab.labs.DaySchedule;
import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Turns request rows into views with the due dates of the lab's promises, counted in the lab's working days. */
@Component
class RequestViews {

    private final PartnerStore store;
    private final LabService labs;
    private final PartnersProperties properties;
    private final Clock clock;

    RequestViews(PartnerStore store, LabService labs, PartnersProperties properties, Clock clock) {
        this.store = store;
        this.labs = labs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Views of these rows with the due dates worked out against each lab's closed days. */
    List<RequestView> of(List<PartnerStore.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(PartnerStore.Row::id).toList();
        Map<Long, List<RequestView.DateRange>> dates = store.preferredDates(ids);
        Map<Long, List<WorkingDays.Pause>> pauses = store.pauses(ids);
        Map<Long, WorkingDays> clocks = new HashMap<>();
        return rows.stream().map(r -> {
            WorkingDays days = clocks.computeIfAbsent(r.labId(), this::workingDays);
            LocalDate created = PartnerStore.zoned(r.createdAt()).toLocalDate();
            List<WorkingDays.Pause> paused = pauses.getOrDefault(r.id(), List.of());
            return new RequestView(r.id(), r.organisationId(), r.organisationName(), r.organisationStadtteil(), r.labId(),
                    r.kind(), r.topic(), r.groupSize(), Choices.split(r.ageBands()), Choices.split(r.languages()),
                    Choices.split(r.accessibility()), r.place(), r.deviceType(), r.deviceCount(), r.loanFrom(),
                    r.loanUntil(), r.state(), r.waitingForPartner(), PartnerStore.zoned(r.proposedStart()),
                    PartnerStore.zoned(r.proposedEnd()), PartnerStore.zoned(r.scheduledStart()),
                    PartnerStore.zoned(r.scheduledEnd()), r.calendarSequence(), r.firstReplyAt(), r.dateProposedAt(),
                    r.declineReason(), r.declineAlternative(), r.cancelReason(), r.courseId(), r.feedbackScore(),
                    r.createdBy(), PartnerStore.zoned(r.createdAt()), PartnerStore.zoned(r.deliveredAt()),
                    dates.getOrDefault(r.id(), List.of()),
                    days.due(created, properties.firstReplyDays(), paused),
                    days.due(created, properties.dateProposalDays(), paused));
        }).toList();
    }

    /** The lab's working days: its closed days (holidays, closures) are read once for the coming and past year. */
    WorkingDays workingDays(long labId) {
        String slug = labs.labs(Language.DE).stream().filter(l -> l.id() == labId).map(LabView::slug).findFirst().orElse(null);
        if (slug == null) {
            return new WorkingDays(day -> false);
        }
        LocalDate from = today().minusDays(400);
        Set<LocalDate> closed = labs.schedule(slug, from, 800).stream()
                .filter(d -> d.changed() && !d.open()).map(DaySchedule::date).collect(Collectors.toSet());
        Predicate<LocalDate> isClosed = closed::contains;
        return new WorkingDays(isClosed);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PartnerStore.BREMEN));
    }
}
