-- Monthly sums per filter value, so a dashboard question with one attribute filter (activity, topic, target group,
-- language, age band, gender) over years does not read millions of facts (issue 12; docs/impact.md).
--
-- impact_rollup_filtered holds, per month (day = the 1st), lab, filter attribute and value (fdim, fvalue) and
-- dimension value (dim, value as in impact_rollup), the sums of the facts that have that filter value. A fact counts
-- once under each of its filter values: its activity, language ('-' for none), age band, gender, and each distinct
-- topic and target group (a fact without topics is under no topic, as the filter "topic = x" never matches it).
-- Only months: the days of a period before its first and after its last whole month are read from the facts.
-- Kept by the same statement triggers as impact_rollup, in the fact insert's transaction.

CREATE TABLE impact_rollup_filtered (
    fdim            VARCHAR(12) NOT NULL,
    fvalue          TEXT        NOT NULL,
    dim             VARCHAR(12) NOT NULL,
    day             DATE        NOT NULL,
    lab_id          BIGINT      NOT NULL,
    value           TEXT        NOT NULL,
    facts           INTEGER     NOT NULL,
    appointments    INTEGER     NOT NULL,
    walk_ins        INTEGER     NOT NULL,
    short_help      INTEGER     NOT NULL,
    bookings        INTEGER     NOT NULL,
    cancellations   INTEGER     NOT NULL,
    no_shows        INTEGER     NOT NULL,
    solved          INTEGER     NOT NULL,
    referrals       INTEGER     NOT NULL,
    first_visits    INTEGER     NOT NULL,
    with_language   INTEGER     NOT NULL,
    other_language  INTEGER     NOT NULL,
    registrations   INTEGER     NOT NULL,
    attendance      INTEGER     NOT NULL,
    completions     INTEGER     NOT NULL,
    technical       INTEGER     NOT NULL,
    technical_women INTEGER     NOT NULL,
    queue_served    INTEGER     NOT NULL,
    score_1         INTEGER     NOT NULL,
    score_2         INTEGER     NOT NULL,
    score_3         INTEGER     NOT NULL,
    score_4         INTEGER     NOT NULL,
    score_5         INTEGER     NOT NULL,
    waits           INTEGER[],
    PRIMARY KEY (fdim, fvalue, dim, day, lab_id, value)
);

-- The filter rows of one fact f: (fdim, fvalue), as FactQueries compares them.
CREATE FUNCTION impact_rollup_filters() RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
    SELECT $d$cross join lateral (
        select 'activity' as fdim, f.activity::text as fvalue
        union all select 'language', coalesce(f.language, '-')
        union all select 'ageBand', f.age_band
        union all select 'gender', f.gender
        union all select 'topic', t.value from (select distinct unnest(f.topics)) t(value)
        union all select 'targetGroup', t.value from (select distinct unnest(f.target_groups)) t(value)
    ) x$d$
$f$;

-- Adds (sign 1) or subtracts (sign -1) the facts of a relation, as impact_rollup_delta does for impact_rollup.
CREATE FUNCTION impact_rollup_filtered_delta(source TEXT, sign INTEGER) RETURNS TEXT LANGUAGE plpgsql STABLE AS $f$
DECLARE
    sums TEXT;
    adds TEXT;
    names TEXT;
BEGIN
    SELECT string_agg(format('%s * coalesce(sum(f.cases) filter (where %s), 0)', sign, m.condition), ', '),
           string_agg(format('%1$I = r.%1$I + excluded.%1$I', m.name), ', '),
           string_agg(format('%I', m.name), ', ')
      INTO sums, adds, names
      FROM impact_rollup_measures() m;
    RETURN format($q$
        insert into impact_rollup_filtered as r (fdim, fvalue, dim, day, lab_id, value, facts, %1$s, waits)
        select x.fdim, x.fvalue, k.dim, date_trunc('month', f.day)::date, f.lab_id, k.value, %4$s * count(*), %2$s,
               impact_hist(f.waiting_minutes, %4$s) filter (where f.activity = 'QUEUE_SERVED')
          from %5$I f %6$s %7$s
         group by 1, 2, 3, 4, 5, 6
         order by 1, 2, 3, 4, 5, 6
        on conflict (fdim, fvalue, dim, day, lab_id, value) do update set facts = r.facts + excluded.facts, %3$s,
            waits = impact_hist_add(r.waits, excluded.waits)$q$,
        names, sums, adds, sign, source, impact_rollup_filters(), impact_rollup_dims());
END
$f$;

CREATE FUNCTION impact_rollup_filtered_rebuild() RETURNS VOID LANGUAGE plpgsql AS $f$
DECLARE
    sums TEXT;
    names TEXT;
BEGIN
    SELECT string_agg(format('coalesce(sum(f.cases) filter (where %s), 0)', m.condition), ', '),
           string_agg(format('%I', m.name), ', ')
      INTO sums, names
      FROM impact_rollup_measures() m;
    PERFORM set_config('work_mem', '256MB', true);
    TRUNCATE impact_rollup_filtered;
    EXECUTE format($q$
        insert into impact_rollup_filtered (fdim, fvalue, dim, day, lab_id, value, facts, %1$s, waits)
        select x.fdim, x.fvalue, k.dim, date_trunc('month', f.day)::date, f.lab_id, k.value, count(*), %2$s,
               impact_hist(f.waiting_minutes, 1) filter (where f.activity = 'QUEUE_SERVED')
          from impact_fact f %3$s %4$s
         group by 1, 2, 3, 4, 5, 6
         order by 1, 2, 3, 4, 5, 6$q$, names, sums, impact_rollup_filters(), impact_rollup_dims());
    ANALYZE impact_rollup_filtered;
END
$f$;

-- impact_rollup_rebuild() (V18) now rebuilds both tables.
ALTER FUNCTION impact_rollup_rebuild() RENAME TO impact_rollup_unfiltered_rebuild;

CREATE FUNCTION impact_rollup_rebuild() RETURNS VOID LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM impact_rollup_unfiltered_rebuild();
    PERFORM impact_rollup_filtered_rebuild();
END
$f$;

CREATE OR REPLACE FUNCTION impact_rollup_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $f$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE impact_rollup;
        TRUNCATE impact_rollup_filtered;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE impact_rollup_delta('old_facts', -1);
        DELETE FROM impact_rollup WHERE facts = 0;
        EXECUTE impact_rollup_filtered_delta('old_facts', -1);
        DELETE FROM impact_rollup_filtered WHERE facts = 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE impact_rollup_delta('new_facts', 1);
        EXECUTE impact_rollup_filtered_delta('new_facts', 1);
    END IF;
    RETURN NULL;
END
$f$;

SELECT impact_rollup_filtered_rebuild();
