-- Staff in the modules' logs as account ids instead of user names (issue 15): a changed user name changes nothing,
-- and an erased account leaves "former staff" (on delete set null). Words for actors that are no account ("citizen",
-- "retention", "system", "demo") stay in the text column.
--
-- One trigger function does it for every log, at insert and update, so each module's code may keep naming the
-- actor by the user name it has at hand (the Authentication's name), and no later insert can store a user name.

CREATE FUNCTION privacy_actor_as_account_id() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    name_column CONSTANT text := TG_ARGV[0];
    id_column   CONSTANT text := TG_ARGV[1];
    named       text := to_jsonb(NEW) ->> name_column;
    account_id  bigint;
BEGIN
    IF named IS NOT NULL THEN
        SELECT id INTO account_id FROM account WHERE username = named;
        IF account_id IS NOT NULL THEN
            NEW := jsonb_populate_record(NEW, jsonb_build_object(name_column, NULL, id_column, account_id));
        END IF;
    END IF;
    RETURN NEW;
END $$;

ALTER TABLE appointment_log ADD COLUMN actor_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE appointment_log ALTER COLUMN actor DROP NOT NULL;
CREATE TRIGGER appointment_log_actor BEFORE INSERT OR UPDATE OF actor ON appointment_log
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('actor', 'actor_id');

ALTER TABLE walk_in_ticket_log ADD COLUMN actor_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE walk_in_ticket_log ALTER COLUMN actor DROP NOT NULL;
CREATE TRIGGER walk_in_ticket_log_actor BEFORE INSERT OR UPDATE OF actor ON walk_in_ticket_log
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('actor', 'actor_id');

ALTER TABLE course_log ADD COLUMN actor_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE course_log ALTER COLUMN actor DROP NOT NULL;
CREATE TRIGGER course_log_actor BEFORE INSERT OR UPDATE OF actor ON course_log
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('actor', 'actor_id');

ALTER TABLE course_attendance ADD COLUMN recorded_by_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE course_attendance ALTER COLUMN recorded_by DROP NOT NULL;
CREATE TRIGGER course_attendance_recorded_by BEFORE INSERT OR UPDATE OF recorded_by ON course_attendance
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('recorded_by', 'recorded_by_id');

ALTER TABLE idea_log ADD COLUMN actor_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE idea_log ALTER COLUMN actor DROP NOT NULL;
CREATE TRIGGER idea_log_actor BEFORE INSERT OR UPDATE OF actor ON idea_log
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('actor', 'actor_id');

ALTER TABLE partner_request_log ADD COLUMN actor_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
CREATE TRIGGER partner_request_log_actor BEFORE INSERT OR UPDATE OF actor ON partner_request_log
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('actor', 'actor_id');

ALTER TABLE device_wipe ADD COLUMN wiped_by_id BIGINT REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE device_wipe ALTER COLUMN wiped_by DROP NOT NULL;
CREATE TRIGGER device_wipe_wiped_by BEFORE INSERT OR UPDATE OF wiped_by ON device_wipe
    FOR EACH ROW EXECUTE FUNCTION privacy_actor_as_account_id('wiped_by', 'wiped_by_id');

-- The rows written so far, through the same function.
UPDATE appointment_log l SET actor = l.actor FROM account a WHERE a.username = l.actor;
UPDATE walk_in_ticket_log l SET actor = l.actor FROM account a WHERE a.username = l.actor;
UPDATE course_log l SET actor = l.actor FROM account a WHERE a.username = l.actor;
UPDATE course_attendance c SET recorded_by = c.recorded_by FROM account a WHERE a.username = c.recorded_by;
UPDATE idea_log l SET actor = l.actor FROM account a WHERE a.username = l.actor;
UPDATE partner_request_log l SET actor = l.actor FROM account a WHERE a.username = l.actor;
UPDATE device_wipe w SET wiped_by = w.wiped_by FROM account a WHERE a.username = w.wiped_by;
