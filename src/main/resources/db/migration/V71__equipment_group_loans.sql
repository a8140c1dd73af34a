-- Group loans: devices a coordinator reserves for a partner organisation's request (partners module) for a period of
-- days. The borrower is the organisation, never a person. The exclusion constraint makes two live reservations of one
-- device for overlapping days impossible, whoever commits first wins.
CREATE TABLE group_loan (
    id                 BIGSERIAL    PRIMARY KEY,
    lab_id             BIGINT       NOT NULL REFERENCES lab (id),
    -- The partner request this loan serves (partners' partner_request.id; no foreign key across modules).
    request_id         BIGINT       NOT NULL,
    organisation_name  VARCHAR(160) NOT NULL,
    device_type        VARCHAR(12)  NOT NULL CHECK (device_type IN ('LAPTOP', 'TABLET', 'HOTSPOT')),
    from_day           DATE         NOT NULL,
    until_day          DATE         NOT NULL,
    reserved_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    released_at        TIMESTAMPTZ,
    CHECK (until_day >= from_day)
);
CREATE UNIQUE INDEX group_loan_one_live_per_request ON group_loan (request_id) WHERE released_at IS NULL;
CREATE INDEX group_loan_lab_idx ON group_loan (lab_id, from_day);

CREATE TABLE group_loan_device (
    group_loan_id  BIGINT   NOT NULL REFERENCES group_loan (id),
    device_id      BIGINT   NOT NULL REFERENCES device (id),
    from_day       DATE     NOT NULL,
    until_day      DATE     NOT NULL,
    released       BOOLEAN  NOT NULL DEFAULT FALSE,
    PRIMARY KEY (group_loan_id, device_id),
    CONSTRAINT group_loan_device_no_overlap EXCLUDE USING gist (
        device_id WITH =, daterange(from_day, until_day, '[]') WITH &&) WHERE (NOT released)
);

-- A loan handed out at the desk under a group loan: no borrower name or contact, the organisation is the borrower.
ALTER TABLE device_loan ADD COLUMN group_loan_id BIGINT REFERENCES group_loan (id);
CREATE INDEX device_loan_group_idx ON device_loan (group_loan_id) WHERE group_loan_id IS NOT NULL;
