package eu.impactlab.consultations;

import java.time.ZonedDateTime;

/** An appointment as the citizen's manage page, the slip and the API show it. */
public record AppointmentView(
        String code, String labSlug, String labName, String labAddress, String topicKey, String topicTitle,
        String language, Mode mode, ZonedDateTime start, ZonedDateTime end, Status status, String name,
        boolean hasEmail, String meetingUrl, boolean personalDataDeleted, String uiLanguage, boolean feedbackGiven) {

    public enum Status {
        BOOKED, CANCELLED, ARRIVED, NO_SHOW, DONE
    }

    public boolean cancellable() {
        return status == Status.BOOKED;
    }

    /** Once the help took place, the citizen is asked once whether it helped. */
    public boolean asksForFeedback() {
        return status == Status.DONE && !feedbackGiven;
    }
}
