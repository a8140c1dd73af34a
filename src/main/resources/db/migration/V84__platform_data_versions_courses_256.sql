-- Course versions in 256 rows instead of V50's 16 (issue 12, bench/README.md "course registrations"): a
-- registration holds its course's version row until its commit has reached the disk, and with 16 rows about every
-- other registration running at the same time as nine others (the pool's connections) waited for one of them.
-- With 256 rows that is about one in thirty. The page cache still reads every row with one query.
INSERT INTO data_version (name, version)
SELECT 'courses:' || n, nextval('data_version_seq') FROM generate_series(16, 255) AS n;

CREATE OR REPLACE FUNCTION data_version_bump_course() RETURNS trigger LANGUAGE plpgsql AS $$
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
    UPDATE data_version SET version = nextval('data_version_seq') WHERE name = 'courses:' || (course % 256);
    -- An update that moves a row to another course changes both.
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'course' THEN
        row_data := OLD;
        IF row_data.course_id <> course THEN
            UPDATE data_version SET version = nextval('data_version_seq')
            WHERE name = 'courses:' || (row_data.course_id % 256);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
