package eu.impactlab.partners;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a partner request stands; the same transitions are enforced by a trigger in the database. */
enum RequestState {
    REQUESTED, CLARIFYING, SCHEDULED, DELIVERED, REPORTED, DECLINED, WITHDRAWN, CANCELLED;

    private static final Map<RequestState, Set<RequestState>> NEXT = Map.of(
            REQUESTED, EnumSet.of(CLARIFYING, SCHEDULED, DECLINED, WITHDRAWN),
            CLARIFYING, EnumSet.of(SCHEDULED, DECLINED, WITHDRAWN),
            SCHEDULED, EnumSet.of(CLARIFYING, DELIVERED, CANCELLED),
            DELIVERED, EnumSet.of(REPORTED));

    public boolean canGoTo(RequestState next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** Before a date is agreed: the partner may still withdraw, and the promise clock runs. */
    public boolean open() {
        return this == REQUESTED || this == CLARIFYING;
    }

    public boolean finished() {
        return this == REPORTED || this == DECLINED || this == WITHDRAWN || this == CANCELLED;
    }
}
