-- Partner organisations (schools, clubs, associations, local businesses) and the accounts that act for them.
CREATE TABLE partner_organisation (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(160) NOT NULL,
    kind       VARCHAR(30)  NOT NULL CHECK (kind IN ('SCHOOL', 'YOUTH_CENTRE', 'SENIOR_CLUB', 'MIGRANT_ASSOCIATION',
                   'SOCIO_CULTURAL_CENTRE', 'NEIGHBOURHOOD_NETWORK', 'LOCAL_BUSINESS')),
    stadtteil  VARCHAR(60)  NOT NULL,
    lab_id     BIGINT       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX partner_organisation_name_uq ON partner_organisation (lower(name));

-- A partner account belongs to exactly one organisation (the primary key makes a second one impossible).
CREATE TABLE partner_member (
    account_id      BIGINT      PRIMARY KEY,
    organisation_id BIGINT      NOT NULL REFERENCES partner_organisation (id),
    language        VARCHAR(5)  NOT NULL DEFAULT 'de',
    invited_by      VARCHAR(60) NOT NULL,
    invited_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- A request for support, from intake to a delivered and reported workshop.
CREATE TABLE partner_request (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id     BIGINT       NOT NULL REFERENCES partner_organisation (id),
    lab_id              BIGINT       NOT NULL,
    kind                VARCHAR(20)  NOT NULL CHECK (kind IN ('WORKSHOP', 'GROUP_CONSULTATION', 'REMOTE_SUPPORT', 'LAB_VISIT', 'DEVICE_LOAN')),
    topic               VARCHAR(200) NOT NULL,
    group_size          INTEGER      NOT NULL CHECK (group_size BETWEEN 1 AND 200),
    age_bands           VARCHAR(100) NOT NULL,
    languages           VARCHAR(100) NOT NULL,
    accessibility       VARCHAR(200) NOT NULL DEFAULT '',
    place               VARCHAR(10)  NOT NULL CHECK (place IN ('LAB', 'ON_SITE', 'ONLINE')),
    -- A loan of devices for a group: its own fields, linked to the equipment pools later.
    device_type         VARCHAR(20)  CHECK (device_type IN ('TABLET', 'LAPTOP', 'SMARTPHONE', 'VR_HEADSET', 'OTHER')),
    device_count        INTEGER      CHECK (device_count BETWEEN 1 AND 100),
    loan_from           DATE,
    loan_until          DATE,
    state               VARCHAR(12)  NOT NULL DEFAULT 'REQUESTED' CHECK (state IN ('REQUESTED', 'CLARIFYING', 'SCHEDULED',
                            'DELIVERED', 'REPORTED', 'DECLINED', 'WITHDRAWN', 'CANCELLED')),
    waiting_for_partner BOOLEAN      NOT NULL DEFAULT FALSE,
    proposed_start      TIMESTAMP WITH TIME ZONE,
    proposed_end        TIMESTAMP WITH TIME ZONE,
    scheduled_start     TIMESTAMP WITH TIME ZONE,
    scheduled_end       TIMESTAMP WITH TIME ZONE,
    calendar_sequence   INTEGER      NOT NULL DEFAULT 0,
    first_reply_at      TIMESTAMP WITH TIME ZONE,
    date_proposed_at    TIMESTAMP WITH TIME ZONE,
    decline_reason      VARCHAR(500),
    decline_alternative VARCHAR(500),
    cancel_reason       VARCHAR(20)  CHECK (cancel_reason IN ('PARTNER', 'LAB', 'NOBODY_CAME', 'FORCE_MAJEURE')),
    course_id           BIGINT,
    -- A form sent twice (a double click, a reload) carries the same key and makes one request.
    request_key         VARCHAR(80),
    feedback_score      SMALLINT     CHECK (feedback_score BETWEEN 1 AND 5),
    created_by          BIGINT       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    delivered_at        TIMESTAMP WITH TIME ZONE,
    clarifying_reminded_at TIMESTAMP WITH TIME ZONE,
    clarifying_warned_at   TIMESTAMP WITH TIME ZONE,
    date_reminded_at       TIMESTAMP WITH TIME ZONE,
    report_reminded_3_at   TIMESTAMP WITH TIME ZONE,
    report_reminded_7_at   TIMESTAMP WITH TIME ZONE,
    personal_data_deleted_at TIMESTAMP WITH TIME ZONE,
    version             BIGINT       NOT NULL DEFAULT 0,
    CHECK ((kind = 'DEVICE_LOAN') = (device_type IS NOT NULL AND device_count IS NOT NULL AND loan_from IS NOT NULL
        AND loan_until IS NOT NULL)),
    CHECK (loan_until IS NULL OR loan_until >= loan_from),
    CHECK (state <> 'DECLINED' OR (decline_reason IS NOT NULL AND decline_alternative IS NOT NULL)),
    CHECK (state <> 'CANCELLED' OR cancel_reason IS NOT NULL),
    CHECK (state NOT IN ('SCHEDULED', 'DELIVERED', 'REPORTED') OR scheduled_start IS NOT NULL),
    CHECK (scheduled_end IS NULL OR scheduled_end > scheduled_start),
    CHECK (proposed_end IS NULL OR proposed_end > proposed_start)
);
CREATE INDEX partner_request_org_idx ON partner_request (organisation_id, created_at DESC);
CREATE INDEX partner_request_lab_idx ON partner_request (lab_id, state);
CREATE UNIQUE INDEX partner_request_key_uq ON partner_request (organisation_id, request_key) WHERE request_key IS NOT NULL;

-- Two or three dates the partner would like; the lab picks one or proposes another.
CREATE TABLE partner_request_date (
    request_id BIGINT  NOT NULL REFERENCES partner_request (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL CHECK (ends_at > starts_at),
    PRIMARY KEY (request_id, position)
);

-- Helpers assigned to a request (by account id: accounts belong to another module).
CREATE TABLE partner_request_helper (
    request_id BIGINT NOT NULL REFERENCES partner_request (id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (request_id, account_id)
);

-- Messages between partner and lab; internal notes are never shown to partners.
CREATE TABLE partner_message (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id BIGINT        NOT NULL REFERENCES partner_request (id) ON DELETE CASCADE,
    author_id  BIGINT,
    from_lab   BOOLEAN       NOT NULL,
    internal   BOOLEAN       NOT NULL DEFAULT FALSE,
    body       VARCHAR(2000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CHECK (from_lab OR NOT internal)
);
CREATE INDEX partner_message_request_idx ON partner_message (request_id, created_at);

-- Every change of a request with who and when, marked as visible to the partner or internal.
CREATE TABLE partner_request_log (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id         BIGINT      NOT NULL REFERENCES partner_request (id) ON DELETE CASCADE,
    action             VARCHAR(30) NOT NULL,
    from_state         VARCHAR(12),
    to_state           VARCHAR(12),
    actor              VARCHAR(60) NOT NULL,
    visible_to_partner BOOLEAN     NOT NULL,
    at                 TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX partner_request_log_request_idx ON partner_request_log (request_id, at);

-- The reach of a delivered request: counts only, no names. The age bands add up to the total.
CREATE TABLE partner_reach_report (
    request_id        BIGINT       PRIMARY KEY REFERENCES partner_request (id) ON DELETE CASCADE,
    participants      INTEGER      NOT NULL CHECK (participants BETWEEN 0 AND 10000),
    age_under_12      INTEGER      NOT NULL CHECK (age_under_12 >= 0),
    age_12_17         INTEGER      NOT NULL CHECK (age_12_17 >= 0),
    age_18_26         INTEGER      NOT NULL CHECK (age_18_26 >= 0),
    age_27_64         INTEGER      NOT NULL CHECK (age_27_64 >= 0),
    age_65_plus       INTEGER      NOT NULL CHECK (age_65_plus >= 0),
    first_time        INTEGER      NOT NULL CHECK (first_time >= 0),
    languages         VARCHAR(100) NOT NULL,
    duration_minutes  INTEGER      NOT NULL CHECK (duration_minutes BETWEEN 1 AND 10000),
    staff_hours       NUMERIC(6,1) NOT NULL CHECK (staff_hours >= 0),
    volunteer_hours   NUMERIC(6,1) NOT NULL CHECK (volunteer_hours >= 0),
    devices_lent      INTEGER      NOT NULL CHECK (devices_lent >= 0),
    filed_by          VARCHAR(60)  NOT NULL,
    filed_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CHECK (age_under_12 + age_12_17 + age_18_26 + age_27_64 + age_65_plus = participants),
    CHECK (first_time <= participants)
);

-- Only allowed transitions happen, whoever writes to the table; REPORTED needs a reach report.
CREATE FUNCTION partner_request_transition() RETURNS trigger AS $$
BEGIN
    IF NEW.state = OLD.state THEN
        RETURN NEW;
    END IF;
    IF NOT ((OLD.state = 'REQUESTED' AND NEW.state IN ('CLARIFYING', 'SCHEDULED', 'DECLINED', 'WITHDRAWN'))
         OR (OLD.state = 'CLARIFYING' AND NEW.state IN ('SCHEDULED', 'DECLINED', 'WITHDRAWN'))
         OR (OLD.state = 'SCHEDULED' AND NEW.state IN ('CLARIFYING', 'DELIVERED', 'CANCELLED'))
         OR (OLD.state = 'DELIVERED' AND NEW.state = 'REPORTED')) THEN
        RAISE EXCEPTION 'partner request % may not go from % to %', OLD.id, OLD.state, NEW.state
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.state = 'REPORTED' AND NOT EXISTS (SELECT 1 FROM partner_reach_report WHERE request_id = NEW.id) THEN
        RAISE EXCEPTION 'partner request % needs a reach report', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER partner_request_transition BEFORE UPDATE OF state ON partner_request
    FOR EACH ROW EXECUTE FUNCTION partner_request_transition();

-- A new request always starts at the beginning.
CREATE FUNCTION partner_request_starts() RETURNS trigger AS $$
BEGIN
    IF NEW.state <> 'REQUESTED' THEN
        RAISE EXCEPTION 'a partner request starts as REQUESTED' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER partner_request_starts BEFORE INSERT ON partner_request
    FOR EACH ROW EXECUTE FUNCTION partner_request_starts();

-- While the lab waits for the partner, the promise clock pauses: one row per wait, open while it lasts.
CREATE TABLE partner_request_pause (
    request_id BIGINT NOT NULL REFERENCES partner_request (id) ON DELETE CASCADE,
    from_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    until_at   TIMESTAMP WITH TIME ZONE,
    CHECK (until_at IS NULL OR until_at >= from_at)
);
CREATE UNIQUE INDEX partner_request_pause_open_uq ON partner_request_pause (request_id) WHERE until_at IS NULL;
