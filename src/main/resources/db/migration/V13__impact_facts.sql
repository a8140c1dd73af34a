-- Anonymous impact facts, written by the impact module's listeners from other modules' events.
-- One row per event (a consultation, a walk-in served, a booking, a course registration, ...), so people are
-- counted once; multi-valued dimensions (the topics of one consultation, the target groups and competences of a
-- course) are arrays on that row and are unnested only for a breakdown by them. No person id, name, contact or
-- free text: every column is a date, a lab, or a value from a fixed list.
CREATE TABLE impact_fact (
    id              BIGSERIAL   PRIMARY KEY,
    -- The event's own id: a retried event inserts nothing (ON CONFLICT DO NOTHING), so it counts once.
    event_id        UUID        NOT NULL UNIQUE,
    day             DATE        NOT NULL,
    lab_id          BIGINT      NOT NULL,
    activity        VARCHAR(24) NOT NULL CHECK (activity IN ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP', 'QUEUE_SERVED',
                        'BOOKING', 'CANCELLATION', 'NO_SHOW', 'COURSE_REGISTRATION', 'COURSE_WAITLIST',
                        'COURSE_ATTENDANCE', 'COURSE_COMPLETION', 'FEEDBACK')),
    topics          VARCHAR(40)[] NOT NULL DEFAULT '{}',
    target_groups   VARCHAR(24)[] NOT NULL DEFAULT '{}',
    competences     VARCHAR(8)[]  NOT NULL DEFAULT '{}',
    language        VARCHAR(10),
    age_band        VARCHAR(16) NOT NULL DEFAULT 'NOT_STATED',
    gender          VARCHAR(12) NOT NULL DEFAULT 'NOT_STATED',
    stadtteil       VARCHAR(40) NOT NULL DEFAULT 'NOT_STATED',
    stadtbezirk     VARCHAR(20) NOT NULL DEFAULT 'NOT_STATED',
    first_visit     VARCHAR(10),
    result          VARCHAR(12),
    referral        VARCHAR(24),
    technical       BOOLEAN,
    score           SMALLINT    CHECK (score BETWEEN 1 AND 5),
    waiting_minutes INTEGER     CHECK (waiting_minutes >= 0),
    -- +1, or -1 for a correction (an attendance tick taken back).
    cases           SMALLINT    NOT NULL DEFAULT 1 CHECK (cases IN (-1, 1))
);

-- Every dashboard query filters by period and usually by lab: (lab_id, day) serves one lab's period,
-- (day) all labs' period; the GIN indexes serve a filter by topic or target group.
CREATE INDEX impact_fact_lab_day_idx ON impact_fact (lab_id, day);
CREATE INDEX impact_fact_day_idx ON impact_fact (day);
CREATE INDEX impact_fact_topics_idx ON impact_fact USING gin (topics);
CREATE INDEX impact_fact_target_groups_idx ON impact_fact USING gin (target_groups);
