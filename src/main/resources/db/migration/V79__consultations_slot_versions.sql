-- Data versions for the free times kept in memory (see V25 and V50). The answer depends on the helpers (their topics,
-- languages, weekly hours and absences: one row, changed rarely, by statement triggers) and on the appointments
-- (changed by every booking). Appointments bump one of 64 rows 'slots:<n>' chosen by helper and day, so bookings at
-- different helpers or days rarely wait for the same row lock; readers read all rows with one query.
-- The page versions (DataVersions.all) leave these rows out: a booking does not make the public pages render again.
INSERT INTO data_version (name, version) VALUES ('slots:helpers', nextval('data_version_seq'));
INSERT INTO data_version (name, version)
SELECT 'slots:' || n, nextval('data_version_seq') FROM generate_series(0, 63) AS n;

-- The shard of one helper's day: 31 * helper + day spreads neighbouring helpers and days over different rows.
CREATE FUNCTION slot_version_shard(helper BIGINT, day DATE) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT ((helper * 31 + (day - DATE '1970-01-01')) % 64)::int
$$;

-- Every Bremen day an appointment touches (one that crosses midnight touches two), bumped in shard order, so two
-- transactions that both bump several rows take the locks in the same order and cannot deadlock on them.
CREATE FUNCTION slot_version_shards(helper BIGINT, starts TIMESTAMPTZ, ends TIMESTAMPTZ) RETURNS INT[]
LANGUAGE sql STABLE AS $$
    SELECT array_agg(DISTINCT slot_version_shard(helper, d::date))
    FROM generate_series((starts AT TIME ZONE 'Europe/Berlin')::date,
                         LEAST(((ends - INTERVAL '1 microsecond') AT TIME ZONE 'Europe/Berlin')::date,
                               (starts AT TIME ZONE 'Europe/Berlin')::date + 63),
                         INTERVAL '1 day') AS d
$$;

CREATE FUNCTION data_version_bump_slots() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    shards INT[] := '{}';
    shard  INT;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.helper_id = NEW.helper_id AND OLD.starts_at = NEW.starts_at
            AND OLD.ends_at = NEW.ends_at AND (OLD.status = 'CANCELLED') = (NEW.status = 'CANCELLED') THEN
        RETURN NULL; -- reminders, outcomes, arrival, deleted contact data: the free times stay the same
    END IF;
    IF TG_OP <> 'INSERT' THEN
        shards := shards || slot_version_shards(OLD.helper_id, OLD.starts_at, OLD.ends_at);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        shards := shards || slot_version_shards(NEW.helper_id, NEW.starts_at, NEW.ends_at);
    END IF;
    FOR shard IN SELECT DISTINCT s FROM unnest(shards) AS s ORDER BY s LOOP
        UPDATE data_version SET version = nextval('data_version_seq') WHERE name = 'slots:' || shard;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE FUNCTION data_version_bump_all_slots() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    shard INT;
BEGIN
    FOR shard IN SELECT generate_series(0, 63) LOOP
        UPDATE data_version SET version = nextval('data_version_seq') WHERE name = 'slots:' || shard;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER appointment_slot_version AFTER INSERT OR UPDATE OR DELETE ON appointment
    FOR EACH ROW EXECUTE FUNCTION data_version_bump_slots();
-- TRUNCATE has no rows: every shard changes.
CREATE TRIGGER appointment_slot_version_truncate AFTER TRUNCATE ON appointment
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all_slots();

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['helper_topic', 'helper_language', 'helper_availability', 'helper_absence'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump(%L)', t || '_slot_version', t, 'slots:helpers');
    END LOOP;
END
$$;
