-- The rollup trigger with its statements written out once (issue 12, bench/README.md "bookings"): V18 and V51 build
-- the four statements as text on every fact insert and EXECUTE them, so PostgreSQL parses and plans them every time
-- (3.4 ms of server CPU per single fact). Static statements in the function body are planned once per connection
-- and reused (1.5 ms). The statements are the same text impact_rollup_delta and impact_rollup_filtered_delta give,
-- generated here once; a trigger function may name its transition tables in static SQL.
DO $migration$
BEGIN
    EXECUTE format($f$
CREATE OR REPLACE FUNCTION impact_rollup_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $body$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE impact_rollup;
        TRUNCATE impact_rollup_filtered;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        %1$s;
        DELETE FROM impact_rollup WHERE facts = 0;
        %2$s;
        DELETE FROM impact_rollup_filtered WHERE facts = 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        %3$s;
        %4$s;
    END IF;
    RETURN NULL;
END
$body$$f$,
        impact_rollup_delta('old_facts', -1), impact_rollup_filtered_delta('old_facts', -1),
        impact_rollup_delta('new_facts', 1), impact_rollup_filtered_delta('new_facts', 1));
END
$migration$;
