-- Device pools and loans. A device has at most one open loan, a borrower (by contact) at most one: both by
-- partial unique indexes, so two check-outs at once cannot both succeed.
CREATE TABLE device_pool (
    id            BIGSERIAL    PRIMARY KEY,
    lab_id        BIGINT       NOT NULL REFERENCES lab (id),
    name          VARCHAR(120) NOT NULL,
    device_type   VARCHAR(12)  NOT NULL CHECK (device_type IN ('LAPTOP', 'TABLET', 'HOTSPOT')),
    loan_days     INTEGER      NOT NULL DEFAULT 14 CHECK (loan_days BETWEEN 1 AND 120),
    max_renewals  INTEGER      NOT NULL DEFAULT 1 CHECK (max_renewals BETWEEN 0 AND 10)
);

CREATE TABLE device (
    id            BIGSERIAL    PRIMARY KEY,
    pool_id       BIGINT       NOT NULL REFERENCES device_pool (id),
    asset_tag     VARCHAR(40)  NOT NULL UNIQUE,
    accessories   VARCHAR(200),
    state         VARCHAR(12)  NOT NULL DEFAULT 'AVAILABLE'
                      CHECK (state IN ('AVAILABLE', 'ON_LOAN', 'NEEDS_WIPE', 'DAMAGED', 'RETIRED')),
    condition     VARCHAR(12)  NOT NULL DEFAULT 'GOOD' CHECK (condition IN ('NEW', 'GOOD', 'WORN', 'DAMAGED')),
    -- A short note about the device, never about a person.
    note          VARCHAR(200)
);

CREATE TABLE device_loan (
    id                        BIGSERIAL    PRIMARY KEY,
    device_id                 BIGINT       NOT NULL REFERENCES device (id),
    lab_id                    BIGINT       NOT NULL REFERENCES lab (id),
    device_type               VARCHAR(12)  NOT NULL,
    borrower_name             VARCHAR(80),
    borrower_contact          VARCHAR(120),
    -- SHA-256 of the normalised contact: one open loan per borrower, and no contact needed to compare.
    borrower_key              VARCHAR(64),
    ui_language               VARCHAR(5)   NOT NULL DEFAULT 'de',
    agreement_version         VARCHAR(10)  NOT NULL,
    lent_at                   TIMESTAMPTZ  NOT NULL,
    due_on                    DATE         NOT NULL,
    renewals                  INTEGER      NOT NULL DEFAULT 0,
    returned_at               TIMESTAMPTZ,
    return_condition          VARCHAR(12)  CHECK (return_condition IN ('NEW', 'GOOD', 'WORN', 'DAMAGED')),
    damage                    VARCHAR(16)  CHECK (damage IN ('NONE', 'SCREEN', 'CASE', 'KEYBOARD', 'BATTERY', 'CHARGER_MISSING',
                                  'LIQUID', 'WONT_START', 'LOST')),
    reminded_before_at        TIMESTAMPTZ,
    reminded_due_at           TIMESTAMPTZ,
    reminded_overdue1_at      TIMESTAMPTZ,
    reminded_overdue7_at      TIMESTAMPTZ,
    personal_data_deleted_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX device_loan_one_open_per_device ON device_loan (device_id) WHERE returned_at IS NULL;
CREATE UNIQUE INDEX device_loan_one_open_per_borrower ON device_loan (borrower_key) WHERE returned_at IS NULL;
CREATE INDEX device_loan_due_idx ON device_loan (due_on) WHERE returned_at IS NULL;

-- The wipe checklist a helper completes before a returned device may be lent again (who and when, no person data).
CREATE TABLE device_wipe (
    id            BIGSERIAL    PRIMARY KEY,
    device_id     BIGINT       NOT NULL REFERENCES device (id),
    wiped_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    wiped_by      VARCHAR(60)  NOT NULL
);
