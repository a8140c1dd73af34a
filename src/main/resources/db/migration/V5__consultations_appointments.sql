-- Consultations: what helpers know, when they are at which lab, and the appointments citizens book.
-- A helper is a staff account (accounts module), referred to by id.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE helper_topic (
    helper_id BIGINT      NOT NULL,
    topic_key VARCHAR(40) NOT NULL REFERENCES topic (key) ON DELETE CASCADE,
    PRIMARY KEY (helper_id, topic_key)
);

CREATE TABLE helper_language (
    helper_id BIGINT      NOT NULL,
    language  VARCHAR(10) NOT NULL,
    PRIMARY KEY (helper_id, language)
);

-- Weekly availability of a helper at one lab, with the ways of meeting offered then.
CREATE TABLE helper_availability (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    helper_id   BIGINT   NOT NULL,
    lab_id      BIGINT   NOT NULL,
    day_of_week SMALLINT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    starts      TIME     NOT NULL,
    ends        TIME     NOT NULL,
    in_person   BOOLEAN  NOT NULL DEFAULT TRUE,
    phone       BOOLEAN  NOT NULL DEFAULT TRUE,
    video       BOOLEAN  NOT NULL DEFAULT FALSE,
    CHECK (starts < ends),
    CHECK (in_person OR phone OR video)
);
CREATE INDEX helper_availability_lab_idx ON helper_availability (lab_id, day_of_week);

-- Days a helper is away (holiday, illness), both ends included.
CREATE TABLE helper_absence (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    helper_id BIGINT NOT NULL,
    starts_on DATE   NOT NULL,
    ends_on   DATE   NOT NULL,
    CHECK (starts_on <= ends_on)
);
CREATE INDEX helper_absence_helper_idx ON helper_absence (helper_id, ends_on);

CREATE TABLE appointment (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code               VARCHAR(7)   NOT NULL UNIQUE,
    lab_id             BIGINT       NOT NULL,
    helper_id          BIGINT       NOT NULL,
    topic_key          VARCHAR(40)  NOT NULL REFERENCES topic (key),
    language           VARCHAR(10)  NOT NULL,
    mode               VARCHAR(10)  NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
    starts_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(12)  NOT NULL DEFAULT 'BOOKED'
                       CHECK (status IN ('BOOKED', 'CANCELLED', 'ARRIVED', 'NO_SHOW', 'DONE')),
    -- Personal data, all optional, deleted after the retention period (personal_data_deleted_at).
    name               VARCHAR(60),
    email              VARCHAR(120),
    phone              VARCHAR(40),
    ui_language        VARCHAR(10)  NOT NULL,
    meeting_url        VARCHAR(300),
    manage_token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    idempotency_key    VARCHAR(80)  UNIQUE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    cancelled_at       TIMESTAMP WITH TIME ZONE,
    personal_data_deleted_at TIMESTAMP WITH TIME ZONE,
    CHECK (starts_at < ends_at),
    -- A helper can never hold two overlapping appointments: the database refuses the second one.
    CONSTRAINT appointment_helper_no_overlap EXCLUDE USING gist (
        helper_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'CANCELLED')
);
CREATE INDEX appointment_lab_time_idx ON appointment (lab_id, starts_at);
CREATE INDEX appointment_retention_idx ON appointment (ends_at) WHERE personal_data_deleted_at IS NULL;

-- What happened to an appointment, for staff and auditors (who did what when; no personal data).
CREATE TABLE appointment_log (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appointment_id BIGINT      NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
    at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    action         VARCHAR(30) NOT NULL,
    actor          VARCHAR(60) NOT NULL
);
