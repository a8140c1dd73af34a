-- The door kiosk: paired tablets (only hashes of the pairing code and the kiosk's token), taps counted once by their
-- random id, and hourly tallies per lab and reason. Single taps are deleted after a day.
CREATE TABLE kiosk (
    id                  BIGSERIAL    PRIMARY KEY,
    lab_id              BIGINT       NOT NULL REFERENCES lab (id),
    name                VARCHAR(60)  NOT NULL,
    pairing_code_hash   VARCHAR(64)  UNIQUE,
    pairing_expires_at  TIMESTAMPTZ,
    token_hash          VARCHAR(64)  UNIQUE,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE kiosk_tap (
    tap_id     UUID         PRIMARY KEY,
    kiosk_id   BIGINT       NOT NULL REFERENCES kiosk (id) ON DELETE CASCADE,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE kiosk_tally (
    lab_id   BIGINT      NOT NULL REFERENCES lab (id),
    day      DATE        NOT NULL,
    hour     SMALLINT    NOT NULL CHECK (hour BETWEEN 0 AND 23),
    reason   VARCHAR(16) NOT NULL CHECK (reason IN ('DEVICE_HELP', 'COURSE', 'MAKER_SPACE', 'BORROW', 'LOOKING', 'OTHER')),
    taps     INTEGER     NOT NULL,
    PRIMARY KEY (lab_id, day, hour, reason)
);
