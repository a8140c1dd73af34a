-- Anonymous reach of the labs' partner work for the funders' figures, written by the impact module from the partners
-- module's PartnerReachReported events: one row per reported offer, counts only. No organisation name, no person.
CREATE TABLE impact_partner_reach (
    id               BIGSERIAL   PRIMARY KEY,
    event_id         UUID        NOT NULL UNIQUE,
    day              DATE        NOT NULL,
    lab_id           BIGINT      NOT NULL,
    kind             VARCHAR(20) NOT NULL,
    -- The partner organisation's Stadtteil (where the group comes from), not a person's.
    stadtteil        VARCHAR(40) NOT NULL,
    participants     INTEGER     NOT NULL CHECK (participants >= 0),
    first_time       INTEGER     NOT NULL CHECK (first_time >= 0),
    under_12         INTEGER     NOT NULL DEFAULT 0,
    age_12_17        INTEGER     NOT NULL DEFAULT 0,
    age_18_26        INTEGER     NOT NULL DEFAULT 0,
    age_27_64        INTEGER     NOT NULL DEFAULT 0,
    age_65_plus      INTEGER     NOT NULL DEFAULT 0,
    -- The languages used, as comma-separated tags ("de,ar,tr").
    languages        VARCHAR(200) NOT NULL DEFAULT '',
    duration_minutes INTEGER     NOT NULL DEFAULT 0,
    devices_lent     INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX impact_partner_reach_day_idx ON impact_partner_reach (day, lab_id);
