-- Data versions for the public course pages and the booking topics (see V25), so the rendered public pages can be kept
-- in memory per version. Courses change with every registration (free seats), so their version is split into 16
-- rows by course id: registrations for different courses rarely wait for the same row, and the page cache reads all
-- rows with one query. Topics change rarely and keep the one row V25 reserved.
INSERT INTO data_version (name, version)
SELECT 'courses:' || n, nextval('data_version_seq') FROM generate_series(0, 15) AS n;

CREATE FUNCTION data_version_bump_course() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_data RECORD;
    course   BIGINT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_data := OLD;
    ELSE
        row_data := NEW;
    END IF;
    IF TG_TABLE_NAME = 'course' THEN
        course := row_data.id;
    ELSE
        course := row_data.course_id;
    END IF;
    UPDATE data_version SET version = nextval('data_version_seq') WHERE name = 'courses:' || (course % 16);
    -- An update that moves a row to another course changes both.
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'course' THEN
        row_data := OLD;
        IF row_data.course_id <> course THEN
            UPDATE data_version SET version = nextval('data_version_seq')
            WHERE name = 'courses:' || (row_data.course_id % 16);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION data_version_bump_all_courses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = nextval('data_version_seq') WHERE name LIKE 'courses:%';
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['course', 'course_text', 'course_target_group', 'course_competence', 'course_session',
            'course_registration'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
            || 'FOR EACH ROW EXECUTE FUNCTION data_version_bump_course()', t || '_data_version', t);
        -- TRUNCATE has no rows: every course row changes.
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
            || 'FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump_all_courses()', t || '_data_version_truncate', t);
    END LOOP;
END
$$;

-- Topics (the first step of booking): the statement trigger of V25.
CREATE TRIGGER topic_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON topic
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump('topics');
CREATE TRIGGER topic_title_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON topic_title
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump('topics');
