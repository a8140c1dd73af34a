-- Consultations: the walk-in queue with numbered tickets, and anonymous outcomes of every kind of help.

-- The last number drawn per lab and day. Drawing is one atomic upsert on this row, which keeps numbers gap-free
-- under concurrency: a second drawer waits for the first one's transaction and then gets the next number.
CREATE TABLE walk_in_counter (
    lab_id      BIGINT  NOT NULL,
    day         DATE    NOT NULL,
    last_number INTEGER NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (lab_id, day)
);

-- A ticket for the walk-in queue. No personal data: a number, a topic and a language.
CREATE TABLE walk_in_ticket (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lab_id              BIGINT      NOT NULL,
    day                 DATE        NOT NULL,
    number              INTEGER     NOT NULL CHECK (number > 0),
    topic_key           VARCHAR(40) NOT NULL REFERENCES topic (key),
    language            VARCHAR(10) NOT NULL,
    status              VARCHAR(10) NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'CALLED', 'SERVED', 'LEFT')),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    called_at           TIMESTAMP WITH TIME ZONE,
    -- The helper (a staff account, by id) who called the ticket.
    called_by_helper_id BIGINT,
    waiting_minutes     INTEGER CHECK (waiting_minutes >= 0),
    finished_at         TIMESTAMP WITH TIME ZONE,
    outcome_recorded_at TIMESTAMP WITH TIME ZONE,
    -- Keys of the form that drew or called the ticket, so a double click does not draw or call twice.
    request_key         VARCHAR(40) UNIQUE,
    call_key            VARCHAR(40) UNIQUE,
    CHECK (status = 'WAITING' OR status = 'LEFT' OR (called_at IS NOT NULL AND waiting_minutes IS NOT NULL))
);
CREATE UNIQUE INDEX walk_in_ticket_number_uq ON walk_in_ticket (lab_id, day, number);
CREATE INDEX walk_in_ticket_waiting_idx ON walk_in_ticket (lab_id, day, number) WHERE status = 'WAITING';

-- What happened to a ticket, for staff and auditors.
CREATE TABLE walk_in_ticket_log (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id BIGINT      NOT NULL REFERENCES walk_in_ticket (id) ON DELETE CASCADE,
    at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    action    VARCHAR(30) NOT NULL,
    actor     VARCHAR(60) NOT NULL
);

-- An appointment gets at most one outcome; the outcome itself does not point back to the appointment.
ALTER TABLE appointment ADD COLUMN outcome_recorded_at TIMESTAMP WITH TIME ZONE;

-- Anonymous facts about help given: fixed lists only, no free text, and no person id, name, contact, helper,
-- appointment or ticket, so nothing here leads back to a person. Only the day is kept, not the time.
CREATE TABLE consultation_outcome (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            VARCHAR(12) NOT NULL CHECK (kind IN ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP')),
    day             DATE        NOT NULL,
    lab_id          BIGINT      NOT NULL,
    language        VARCHAR(10),
    mode            VARCHAR(10) NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
    result          VARCHAR(12) NOT NULL CHECK (result IN ('SOLVED', 'PARTLY', 'NOT_SOLVED')),
    referral        VARCHAR(20) NOT NULL CHECK (referral IN ('NONE', 'VERBRAUCHERZENTRALE', 'JOBCENTER', 'BUERGERAMT',
                                                  'MIGRATIONSAMT', 'SCHULDNERBERATUNG', 'OTHER_SERVICE')),
    minutes         SMALLINT CHECK (minutes BETWEEN 1 AND 480),
    age_band        VARCHAR(12) NOT NULL CHECK (age_band IN ('UNDER_18', 'FROM_18_TO_29', 'FROM_30_TO_44',
                                                  'FROM_45_TO_64', 'FROM_65', 'NOT_STATED')),
    gender          VARCHAR(12) NOT NULL CHECK (gender IN ('FEMALE', 'MALE', 'DIVERSE', 'NOT_STATED')),
    -- A Stadtteil (or an Ortsteil directly under a Stadtbezirk) of the city of Bremen, OUTSIDE_BREMEN or NOT_STATED.
    stadtteil       VARCHAR(30) NOT NULL CHECK (stadtteil IN ('Mitte', 'Häfen', 'Neustadt', 'Obervieland', 'Huchting',
                        'Woltmershausen', 'Seehausen', 'Strom', 'Östliche Vorstadt', 'Schwachhausen', 'Vahr', 'Horn-Lehe',
                        'Borgfeld', 'Oberneuland', 'Osterholz', 'Hemelingen', 'Blockland', 'Findorff', 'Walle',
                        'Gröpelingen', 'Burglesum', 'Vegesack', 'Blumenthal', 'OUTSIDE_BREMEN', 'NOT_STATED')),
    first_visit     VARCHAR(12) NOT NULL CHECK (first_visit IN ('YES', 'NO', 'NOT_STATED')),
    waiting_minutes INTEGER CHECK (waiting_minutes >= 0),
    -- The key of the short-help form, so a double click counts once.
    request_key     VARCHAR(40) UNIQUE
);
CREATE INDEX consultation_outcome_lab_day_idx ON consultation_outcome (lab_id, day);

CREATE TABLE consultation_outcome_topic (
    outcome_id BIGINT      NOT NULL REFERENCES consultation_outcome (id) ON DELETE CASCADE,
    topic_key  VARCHAR(40) NOT NULL REFERENCES topic (key),
    PRIMARY KEY (outcome_id, topic_key)
);
