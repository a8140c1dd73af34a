-- Bench-only data (bench/booking-load.sh runs it against the benchmark's own throw-away data directory, never against
-- a real one): enough distinct free times and courses that every request of a run can succeed.
-- :helpers helpers at Gröpelingen who know the smartphone topic in German and are there whenever the lab is open,
-- the lab open 08:00-20:00 every day, and :courses published courses with room for :seats each.
\set ON_ERROR_STOP on
BEGIN;
DELETE FROM lab_opening_hours WHERE lab_id = (SELECT id FROM lab WHERE slug = 'groepelingen');
INSERT INTO lab_opening_hours (lab_id, day_of_week, opens, closes)
SELECT id, d, '08:00', '20:00' FROM lab, generate_series(1, 7) AS d WHERE slug = 'groepelingen';

WITH made AS (
    INSERT INTO account (username, display_name, role)
    SELECT 'bench.helper' || n, 'Bench helper ' || n, 'HELPER' FROM generate_series(1, :helpers) AS n
    RETURNING id)
INSERT INTO account_lab (account_id, lab_id) SELECT made.id, lab.id FROM made, lab WHERE lab.slug = 'groepelingen';
INSERT INTO helper_topic (helper_id, topic_key)
SELECT id, 'smartphone' FROM account WHERE username LIKE 'bench.helper%';
INSERT INTO helper_language (helper_id, language)
SELECT id, 'de' FROM account WHERE username LIKE 'bench.helper%';
INSERT INTO helper_availability (helper_id, lab_id, day_of_week, starts, ends, in_person, phone, video)
SELECT a.id, lab.id, d, '08:00', '20:00', TRUE, TRUE, FALSE
FROM account a, lab, generate_series(1, 7) AS d WHERE a.username LIKE 'bench.helper%' AND lab.slug = 'groepelingen';

WITH made AS (
    INSERT INTO course (status, lab_id, language, capacity, room)
    SELECT 'PUBLISHED', lab.id, 'de', :seats, 'Bench ' || n FROM lab, generate_series(1, :courses) AS n
    WHERE lab.slug = 'groepelingen'
    RETURNING id),
texts AS (
    INSERT INTO course_text (course_id, language, title, summary)
    SELECT id, 'de', 'Bench-Kurs ' || id, 'Ein Kurs für den Lasttest.' FROM made RETURNING course_id)
INSERT INTO course_session (course_id, starts_at, ends_at)
SELECT course_id, date_trunc('day', now()) + interval '30 days' + interval '10 hours',
       date_trunc('day', now()) + interval '30 days' + interval '12 hours' FROM texts;
COMMIT;
SELECT id FROM course WHERE room LIKE 'Bench %' ORDER BY id;
