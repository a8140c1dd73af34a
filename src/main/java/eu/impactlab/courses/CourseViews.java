package eu.impactlab.courses;

import eu.impactlab.labs.LabService;
import eu.impactlab.labs.LabView;
import eu.impactlab.labs.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Turns course rows into what pages, mails and the API show, in one language. */
@Component
class CourseViews {

    private final CourseStore store;
    private final LabService labs;
    private final Clock clock;

    CourseViews(CourseStore store, LabService labs, Clock clock) {
        this.store = store;
        this.labs = labs;
        this.clock = clock;
    }

    Optional<CourseView> course(long id, Language language) {
        return store.course(id, language.tag()).map(row -> views(List.of(row), language).get(0));
    }

    List<CourseView> views(List<CourseStore.CourseRow> rows, Language language) {
        List<Long> ids = rows.stream().map(CourseStore.CourseRow::id).toList();
        Map<Long, List<CourseStore.SessionRow>> sessions = store.sessions(ids);
        Map<Long, List<String>> groups = store.targetGroups(ids);
        Map<Long, List<String>> competences = store.competences(ids);
        Map<Long, LabView> labsById = labs.labs(language).stream().collect(Collectors.toMap(LabView::id, Function.identity()));
        Instant now = Instant.now(clock);
        List<CourseView> views = new ArrayList<>();
        for (CourseStore.CourseRow row : rows) {
            List<CourseView.Session> own = new ArrayList<>();
            for (CourseStore.SessionRow s : sessions.get(row.id())) {
                own.add(new CourseView.Session(s.id(), own.size() + 1, zoned(s.startsAt()), zoned(s.endsAt())));
            }
            CourseView.State state = CourseView.state(row.status(), row.registrationOpensAt(), row.registrationClosesAt(),
                    row.registrationClosed(), row.firstStart(), row.lastEnd(), row.capacity(), row.confirmedCount(), now);
            views.add(new CourseView(row.id(), labsById.get(row.labId()), row.status(), row.language(), row.level(),
                    row.technical(), row.capacity(), row.confirmedCount(), row.waitlistLength(),
                    zoned(row.registrationOpensAt()), zoned(row.registrationClosesAt()), row.registrationClosed(),
                    new CourseView.Text(row.room(), row.roomLanguage()), row.onlineUrl(),
                    new CourseView.Text(row.title(), row.titleLanguage()),
                    new CourseView.Text(row.summary(), row.summaryLanguage()),
                    new CourseView.Text(row.accessibilityNotes(), row.accessibilityNotesLanguage()),
                    groups.get(row.id()).stream().map(TargetGroup::of).flatMap(Optional::stream).sorted().toList(),
                    competences.get(row.id()), List.copyOf(own), state));
        }
        return views;
    }

    private static ZonedDateTime zoned(Instant instant) {
        return instant == null ? null : instant.atZone(CourseView.BREMEN);
    }
}
