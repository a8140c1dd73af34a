-- Anonymous participation facts for the funders' figures, written by the impact module from the participation
-- module's events: one row per idea proposed, support given or public answer. No idea text, no person, no browser.
CREATE TABLE impact_participation_fact (
    id                BIGSERIAL   PRIMARY KEY,
    event_id          UUID        NOT NULL UNIQUE,
    day               DATE        NOT NULL,
    lab_id            BIGINT      NOT NULL,
    activity          VARCHAR(12) NOT NULL CHECK (activity IN ('IDEA', 'SUPPORT', 'ANSWER')),
    kind              VARCHAR(12) NOT NULL CHECK (kind IN ('COURSE', 'PROJECT', 'EQUIPMENT', 'OTHER')),
    in_person         BOOLEAN,
    answer            VARCHAR(14),
    -- This answer made the idea a course, event, purchase or done project (counted once per idea).
    realised          BOOLEAN,
    -- Days from the proposal to the first public answer, on the first answer only.
    days_to_answer    INTEGER     CHECK (days_to_answer >= 0)
);
CREATE INDEX impact_participation_fact_day_idx ON impact_participation_fact (day, lab_id);
