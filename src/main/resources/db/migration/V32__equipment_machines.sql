-- Maker equipment: machines per lab, maker passes (no account), inductions and machine reservations.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE machine (
    id                   BIGSERIAL    PRIMARY KEY,
    lab_id               BIGINT       NOT NULL REFERENCES lab (id),
    name                 VARCHAR(120) NOT NULL,
    type                 VARCHAR(24)  NOT NULL CHECK (type IN ('PRINTER_3D', 'LASER_CUTTER', 'VINYL_CUTTER', 'SEWING',
                             'EMBROIDERY', 'SOLDERING', 'VR_HEADSET')),
    state                VARCHAR(12)  NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'MAINTENANCE', 'RETIRED')),
    -- The induction a person needs before reserving it; null: anyone with a pass may reserve it.
    induction_type       VARCHAR(24)  CHECK (induction_type IN ('PRINTER_3D', 'LASER_CUTTER', 'VINYL_CUTTER', 'SEWING',
                             'EMBROIDERY', 'SOLDERING', 'VR_HEADSET')),
    buffer_minutes       INTEGER      NOT NULL DEFAULT 15 CHECK (buffer_minutes BETWEEN 0 AND 240),
    max_minutes          INTEGER      NOT NULL DEFAULT 180 CHECK (max_minutes BETWEEN 15 AND 720),
    weekly_quota_minutes INTEGER      NOT NULL DEFAULT 360 CHECK (weekly_quota_minutes BETWEEN 15 AND 5040)
);
CREATE INDEX machine_lab_idx ON machine (lab_id);

-- A maker pass: the printed card's short code reserves machines, the secret link (only its hash here) shows the pass.
-- Nickname and contact are optional and only for reminders; a pass unused for 24 months is deleted.
CREATE TABLE maker_pass (
    id            BIGSERIAL    PRIMARY KEY,
    code          VARCHAR(20)  NOT NULL UNIQUE,
    token_hash    VARCHAR(64)  NOT NULL UNIQUE,
    lab_id        BIGINT       NOT NULL REFERENCES lab (id),
    nickname      VARCHAR(60),
    email         VARCHAR(120),
    ui_language   VARCHAR(5)   NOT NULL DEFAULT 'de',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One induction per pass and machine type; it expires, and lapses when the type is not used for a while.
CREATE TABLE induction (
    pass_id         BIGINT       NOT NULL REFERENCES maker_pass (id) ON DELETE CASCADE,
    induction_type  VARCHAR(24)  NOT NULL,
    lab_id          BIGINT       NOT NULL REFERENCES lab (id),
    inducted_at     TIMESTAMPTZ  NOT NULL,
    expires_at      TIMESTAMPTZ  NOT NULL,
    last_used_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (pass_id, induction_type)
);

-- A reservation blocks its machine from start to end plus the machine's buffer; the exclusion constraint makes two
-- overlapping live reservations of one machine impossible, whoever commits first wins.
CREATE TABLE machine_reservation (
    id                        BIGSERIAL    PRIMARY KEY,
    machine_id                BIGINT       NOT NULL REFERENCES machine (id),
    pass_id                   BIGINT       REFERENCES maker_pass (id) ON DELETE SET NULL,
    starts_at                 TIMESTAMPTZ  NOT NULL,
    ends_at                   TIMESTAMPTZ  NOT NULL,
    blocked_until             TIMESTAMPTZ  NOT NULL,
    status                    VARCHAR(12)  NOT NULL DEFAULT 'BOOKED'
                                  CHECK (status IN ('BOOKED', 'IN_USE', 'DONE', 'CANCELLED', 'NO_SHOW')),
    manage_token_hash         VARCHAR(64)  NOT NULL UNIQUE,
    ui_language               VARCHAR(5)   NOT NULL DEFAULT 'de',
    idempotency_key           VARCHAR(100) UNIQUE,
    idempotency_request_hash  VARCHAR(64),
    checked_in_at             TIMESTAMPTZ,
    checked_out_at            TIMESTAMPTZ,
    created_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at AND blocked_until >= ends_at),
    CONSTRAINT machine_reservation_no_overlap EXCLUDE USING gist (
        machine_id WITH =, tstzrange(starts_at, blocked_until) WITH &&) WHERE (status IN ('BOOKED', 'IN_USE'))
);
CREATE INDEX machine_reservation_pass_idx ON machine_reservation (pass_id, starts_at);
