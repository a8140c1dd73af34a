-- Data versions for what the app keeps in memory (labs with their hours and texts, consultation topics, courses):
-- a statement trigger gives a name a new version on every change to its tables, in the changing transaction, so
-- every app instance learns with one cheap query whether its copy is still current. Versions come from a sequence,
-- which never hands out a number twice, not even after a rollback.
CREATE SEQUENCE data_version_seq;

CREATE TABLE data_version (
    name    VARCHAR(40) PRIMARY KEY,
    version BIGINT      NOT NULL
);

INSERT INTO data_version (name, version) VALUES
    ('labs', nextval('data_version_seq')),
    ('topics', nextval('data_version_seq')),
    ('courses', nextval('data_version_seq'));

CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = nextval('data_version_seq') WHERE name = TG_ARGV[0];
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t RECORD;
BEGIN
    FOR t IN SELECT * FROM (VALUES
            ('lab', 'labs'), ('lab_text', 'labs'), ('lab_language', 'labs'), ('lab_accessibility', 'labs'),
            ('lab_offer', 'labs'), ('lab_opening_hours', 'labs'), ('lab_exception', 'labs'))
            AS v(table_name, data_name) LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump(%L)',
            t.table_name || '_data_version', t.table_name, t.data_name);
    END LOOP;
END
$$;
