package eu.impactlab.equipment;

/** A machine as pages and the API show it. {@code inductionType} is null when no induction is needed. */
record Machine(long id, long labId, String name, MachineType type, String state, MachineType inductionType,
        int bufferMinutes, int maxMinutes, int weeklyQuotaMinutes) {

    public boolean inductionRequired() {
        return inductionType != null;
    }

    public boolean active() {
        return "ACTIVE".equals(state);
    }
}
