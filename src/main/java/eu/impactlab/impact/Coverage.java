package eu.impactlab.impact;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which facts carry which attribute. A booking, a no-show or a served queue ticket records no place of residence, age
 * or gender, and short help records none of these nor a language: split or filtered by such an attribute, their
 * figures would be 0 everywhere and pile up under "not stated", so a figure is shown only where its facts carry
 * every attribute the question splits or filters by.
 */
final class Coverage {

    /** An attribute a question can split or filter by that not every fact carries. */
    enum Attribute {
        VISITOR(EnumSet.of(Activity.APPOINTMENT, Activity.WALK_IN, Activity.COURSE_REGISTRATION, Activity.COURSE_WAITLIST,
                Activity.COURSE_ATTENDANCE, Activity.COURSE_COMPLETION)),
        LANGUAGE(EnumSet.complementOf(EnumSet.of(Activity.SHORT_HELP))),
        TOPIC(EnumSet.of(Activity.APPOINTMENT, Activity.WALK_IN, Activity.SHORT_HELP, Activity.QUEUE_SERVED,
                Activity.BOOKING, Activity.CANCELLATION, Activity.NO_SHOW, Activity.FEEDBACK)),
        TARGET_GROUP(EnumSet.of(Activity.COURSE_REGISTRATION, Activity.COURSE_WAITLIST, Activity.COURSE_ATTENDANCE,
                Activity.COURSE_COMPLETION, Activity.FEEDBACK));

        private final Set<Activity> carriers;

        Attribute(Set<Activity> carriers) {
            this.carriers = carriers;
        }

        boolean carriedBy(Activity activity) {
            return carriers.contains(activity);
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        }
    }

    private Coverage() {
    }

    /** The attribute a breakdown splits by, if not every fact carries it. */
    static Optional<Attribute> of(Dimension dimension) {
        return Optional.ofNullable(switch (dimension) {
            case AGE_BAND, GENDER, STADTTEIL, STADTBEZIRK -> Attribute.VISITOR;
            case LANGUAGE -> Attribute.LANGUAGE;
            case TOPIC -> Attribute.TOPIC;
            case TARGET_GROUP -> Attribute.TARGET_GROUP;
            default -> null;
        });
    }

    /** The attributes the filters of a question narrow by. */
    static Set<Attribute> filtered(Filter filter) {
        Set<Attribute> used = EnumSet.noneOf(Attribute.class);
        if (filter.ageBand() != null || filter.gender() != null) {
            used.add(Attribute.VISITOR);
        }
        // "no language recorded" picks exactly the facts without one, so it leaves nothing out
        if (filter.language() != null && !Filter.NO_LANGUAGE.equals(filter.language())) {
            used.add(Attribute.LANGUAGE);
        }
        if (filter.topic() != null) {
            used.add(Attribute.TOPIC);
        }
        if (filter.targetGroup() != null) {
            used.add(Attribute.TARGET_GROUP);
        }
        return used;
    }

    /**
     * Whether a figure computed from these groups of activities (a count: one group; a share: its part and its whole)
     * means something under these attributes: every group must hold an activity that carries all of them.
     */
    static boolean defined(List<Set<Activity>> sources, Set<Attribute> used) {
        return sources.stream().allMatch(group -> group.stream()
                .anyMatch(activity -> used.stream().allMatch(attribute -> attribute.carriedBy(activity))));
    }
}
