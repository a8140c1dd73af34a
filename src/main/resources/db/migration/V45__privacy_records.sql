-- The privacy module's records: deletion runs (counts only), requests by data subjects, and the audit trail.

CREATE TABLE privacy_deletion_run (
    id            BIGSERIAL   PRIMARY KEY,
    job           VARCHAR(80) NOT NULL,
    ran_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_count INT         NOT NULL CHECK (deleted_count >= 0)
);
CREATE INDEX privacy_deletion_run_ran_at ON privacy_deletion_run (ran_at DESC);

-- A request under Art. 15 or 17 as staff received it: no name or contact, only what the deadline needs.
CREATE TABLE privacy_request (
    id             BIGSERIAL   PRIMARY KEY,
    kind           VARCHAR(10) NOT NULL CHECK (kind IN ('ACCESS', 'ERASURE')),
    received_on    DATE        NOT NULL,
    answered_on    DATE,
    records_found  INT         NOT NULL DEFAULT 0,
    records_erased INT         NOT NULL DEFAULT 0,
    handled_by     BIGINT      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Who did what to which object, in ids and non-personal values only. The app only ever inserts.
CREATE TABLE privacy_audit (
    id          BIGSERIAL    PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    actor_id    BIGINT,
    action      VARCHAR(40)  NOT NULL,
    object_type VARCHAR(40)  NOT NULL,
    object_id   VARCHAR(40),
    lab_id      BIGINT,
    details     VARCHAR(500)
);
CREATE INDEX privacy_audit_object ON privacy_audit (object_type, object_id, at DESC);
CREATE INDEX privacy_audit_at ON privacy_audit (at DESC);

CREATE FUNCTION privacy_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'privacy_audit is append-only';
END
$$;
CREATE TRIGGER privacy_audit_no_update BEFORE UPDATE ON privacy_audit
    FOR EACH ROW EXECUTE FUNCTION privacy_audit_append_only();
