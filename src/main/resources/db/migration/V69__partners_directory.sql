-- The neighbourhood directory: one public entry per partner organisation, published only after a coordinator's review.
CREATE TABLE partner_directory_entry (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id        BIGINT        NOT NULL UNIQUE REFERENCES partner_organisation (id),
    state                  VARCHAR(14)   NOT NULL DEFAULT 'DRAFT'
                               CHECK (state IN ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'REJECTED')),
    description            VARCHAR(600)  NOT NULL DEFAULT '',
    opening_hours          VARCHAR(200)  NOT NULL DEFAULT '',
    offers                 VARCHAR(200)  NOT NULL DEFAULT '',
    languages              VARCHAR(100)  NOT NULL DEFAULT '',
    accessibility          VARCHAR(200)  NOT NULL DEFAULT '',
    website                VARCHAR(200),
    contact_email          VARCHAR(254),
    -- A named contact person is shown only with that person's own consent: who agreed, when, to which text version.
    contact_person         VARCHAR(120),
    contact_consent_at     TIMESTAMP WITH TIME ZONE,
    contact_consent_version VARCHAR(20),
    contact_consent_recorded_by BIGINT,
    reject_reason          VARCHAR(500),
    -- The organisation says once a year that the entry is still correct; without it the entry is hidden.
    confirmed_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    confirm_reminded_at    TIMESTAMP WITH TIME ZONE,
    confirm_asked_at       TIMESTAMP WITH TIME ZONE,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version                BIGINT        NOT NULL DEFAULT 0,
    CHECK (state <> 'REJECTED' OR (reject_reason IS NOT NULL AND length(trim(reject_reason)) > 0)),
    CHECK (contact_person IS NULL OR (contact_consent_at IS NOT NULL AND contact_consent_version IS NOT NULL)),
    CHECK (state <> 'PENDING_REVIEW' OR length(trim(description)) > 0)
);
CREATE INDEX partner_directory_entry_state_idx ON partner_directory_entry (state, confirmed_at);

-- Only allowed steps, whoever writes: submitted for review, published or rejected by a coordinator, unpublished,
-- edited again after a rejection or an unpublishing.
CREATE FUNCTION partner_directory_transition() RETURNS trigger AS $$
BEGIN
    IF NEW.state = OLD.state THEN
        RETURN NEW;
    END IF;
    IF NOT ((OLD.state = 'DRAFT' AND NEW.state = 'PENDING_REVIEW')
         OR (OLD.state = 'PENDING_REVIEW' AND NEW.state IN ('PUBLISHED', 'REJECTED', 'DRAFT'))
         OR (OLD.state = 'PUBLISHED' AND NEW.state IN ('DRAFT', 'PENDING_REVIEW'))
         OR (OLD.state = 'REJECTED' AND NEW.state IN ('DRAFT', 'PENDING_REVIEW'))) THEN
        RAISE EXCEPTION 'directory entry % may not go from % to %', OLD.id, OLD.state, NEW.state
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER partner_directory_transition BEFORE UPDATE OF state ON partner_directory_entry
    FOR EACH ROW EXECUTE FUNCTION partner_directory_transition();

-- A new entry always starts as a draft.
CREATE FUNCTION partner_directory_starts() RETURNS trigger AS $$
BEGIN
    IF NEW.state <> 'DRAFT' THEN
        RAISE EXCEPTION 'a directory entry starts as DRAFT' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER partner_directory_starts BEFORE INSERT ON partner_directory_entry
    FOR EACH ROW EXECUTE FUNCTION partner_directory_starts();

-- "Report this entry": a reason from a list and a short text, for the coordinators of the organisation's lab.
CREATE TABLE partner_directory_report (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id   BIGINT       NOT NULL REFERENCES partner_directory_entry (id) ON DELETE CASCADE,
    reason     VARCHAR(20)  NOT NULL CHECK (reason IN ('WRONG', 'CLOSED', 'OFFENSIVE', 'OTHER')),
    body       VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    handled_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX partner_directory_report_entry_idx ON partner_directory_report (entry_id, created_at);
