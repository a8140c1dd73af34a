-- Courses and events: a course runs at one lab in one or many sessions, with a capacity and a waitlist.
-- Capacity is enforced in the database: confirmed_count is a guarded counter that is changed only while the
-- course row is locked (SELECT ... FOR UPDATE), and the CHECK refuses any state with more confirmed than seats.
CREATE TABLE course (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lab_id                  BIGINT       NOT NULL,
    status                  VARCHAR(12)  NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    -- Language of instruction, as a tag ("de", "tr").
    language                VARCHAR(10)  NOT NULL,
    -- DigComp 2.2 proficiency: FOUNDATION, INTERMEDIATE, ADVANCED, HIGHLY_SPECIALISED.
    level                   VARCHAR(20)  NOT NULL DEFAULT 'FOUNDATION'
                            CHECK (level IN ('FOUNDATION', 'INTERMEDIATE', 'ADVANCED', 'HIGHLY_SPECIALISED')),
    -- Technical courses (coding, making, electronics) are counted apart for the share of women and girls.
    technical               BOOLEAN      NOT NULL DEFAULT FALSE,
    capacity                INTEGER      NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    confirmed_count         INTEGER      NOT NULL DEFAULT 0,
    registration_opens_at   TIMESTAMP WITH TIME ZONE,
    registration_closes_at  TIMESTAMP WITH TIME ZONE,
    -- Closed by hand by a coordinator, whatever the window says.
    registration_closed     BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Share of sessions a participant must attend to complete the course.
    completion_percent      INTEGER      NOT NULL DEFAULT 75 CHECK (completion_percent BETWEEN 1 AND 100),
    room                    VARCHAR(200),
    online_url              VARCHAR(300),
    copied_from_id          BIGINT       REFERENCES course (id) ON DELETE SET NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    cancelled_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT course_not_overbooked CHECK (confirmed_count BETWEEN 0 AND capacity),
    CHECK (registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_opens_at < registration_closes_at)
);
CREATE INDEX course_lab_idx ON course (lab_id);

-- Texts per language; German is the fallback field by field.
CREATE TABLE course_text (
    course_id           BIGINT        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    language            VARCHAR(10)   NOT NULL,
    title               VARCHAR(160),
    summary             VARCHAR(2000),
    accessibility_notes VARCHAR(1000),
    PRIMARY KEY (course_id, language)
);

-- YOUTH, SCHOOL_LEAVERS, JOB_SEEKERS, WOMEN_AND_GIRLS, SENIORS, FAMILIES, NEWCOMERS, SMALL_BUSINESSES.
CREATE TABLE course_target_group (
    course_id    BIGINT      NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    target_group VARCHAR(30) NOT NULL,
    PRIMARY KEY (course_id, target_group)
);

-- DigComp 2.2 competence codes ("1.1" … "5.4").
CREATE TABLE course_competence (
    course_id  BIGINT     NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    competence VARCHAR(5) NOT NULL,
    PRIMARY KEY (course_id, competence)
);

CREATE TABLE course_session (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id BIGINT NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (starts_at < ends_at),
    UNIQUE (course_id, starts_at)
);
CREATE INDEX course_session_time_idx ON course_session (starts_at);

-- A registration. Waitlist positions are not stored: a waitlisted registration's position is its rank by
-- (waitlisted_at, id) among the course's waitlisted ones, so positions are unique and gap-free by construction.
CREATE TABLE course_registration (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id         BIGINT       NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    status            VARCHAR(12)  NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlisted_at     TIMESTAMP WITH TIME ZONE,
    -- Personal data, deleted after the retention period (personal_data_deleted_at). The name is needed for the
    -- attendance list and the certificate; contact is optional.
    name              VARCHAR(80),
    email             VARCHAR(120),
    phone             VARCHAR(40),
    ui_language       VARCHAR(10)  NOT NULL,
    -- Optional anonymous facts for impact, only if the person chose to give them; NOT_STATED otherwise.
    age_band          VARCHAR(20)  NOT NULL DEFAULT 'NOT_STATED',
    gender            VARCHAR(12)  NOT NULL DEFAULT 'NOT_STATED',
    stadtteil         VARCHAR(60)  NOT NULL DEFAULT 'NOT_STATED',
    manage_token_hash VARCHAR(64)  NOT NULL UNIQUE,
    idempotency_key   VARCHAR(80)  UNIQUE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    confirmed_at      TIMESTAMP WITH TIME ZONE,
    cancelled_at      TIMESTAMP WITH TIME ZONE,
    completed_at      TIMESTAMP WITH TIME ZONE,
    feedback_given_at TIMESTAMP WITH TIME ZONE,
    personal_data_deleted_at TIMESTAMP WITH TIME ZONE,
    CHECK ((status = 'WAITLISTED') = (waitlisted_at IS NOT NULL))
);
CREATE INDEX course_registration_course_idx ON course_registration (course_id, status);
CREATE INDEX course_registration_waitlist_idx ON course_registration (course_id, waitlisted_at, id) WHERE status = 'WAITLISTED';

-- Attendance per session, ticked by helpers or trainers.
CREATE TABLE course_attendance (
    session_id      BIGINT      NOT NULL REFERENCES course_session (id) ON DELETE CASCADE,
    registration_id BIGINT      NOT NULL REFERENCES course_registration (id) ON DELETE CASCADE,
    present         BOOLEAN     NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    recorded_by     VARCHAR(60) NOT NULL,
    PRIMARY KEY (session_id, registration_id)
);

-- What happened to a course or a registration, for staff and auditors (who did what when; no personal data).
CREATE TABLE course_log (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id       BIGINT      NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    registration_id BIGINT      REFERENCES course_registration (id) ON DELETE CASCADE,
    at              TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    action          VARCHAR(30) NOT NULL,
    actor           VARCHAR(60) NOT NULL
);
CREATE INDEX course_log_course_idx ON course_log (course_id, at);
