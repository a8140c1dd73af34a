-- Pre-aggregated impact facts, so the dashboard does not read millions of fact rows for ten years.
--
-- impact_rollup holds, per day (grain 'D') and per month (grain 'M', day = the 1st), lab and dimension value, the
-- same sums the dashboard computes from impact_fact. A fact counts once in each dimension: dim '' (everything;
-- trends and lab breakdowns group these rows by day or lab), and 'activity', 'language', 'ageBand', 'gender',
-- 'stadtteil', 'stadtbezirk', 'topic', 'targetGroup' (one row per value; topics and target groups are unnested as in
-- the raw query, '-' for none). `facts` counts the fact rows behind a row, so a row exists exactly when facts do.
-- `waits` is the histogram of the waiting minutes of served queue tickets behind a row (waits[m + 1] = tickets that
-- waited m minutes; null when none), so the median of any set of rows is exact: the app adds the arrays up and
-- interpolates as percentile_cont does.
--
-- Triggers keep both tables in the same transaction as the fact insert (statement-level, from the transition table:
-- only rows really inserted, so a duplicate event that ON CONFLICT DO NOTHING skips adds nothing), and subtract on
-- delete. A query with a filter (activity, topic, ...) still reads impact_fact; see docs/impact.md.

CREATE TABLE impact_rollup (
    dim             VARCHAR(12) NOT NULL,
    grain           CHAR(1)     NOT NULL CHECK (grain IN ('D', 'M')),
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
    PRIMARY KEY (dim, grain, day, lab_id, value)
);

-- The histogram aggregates: impact_hist(minutes, n) counts n at minutes; impact_hist_sum adds histograms up.
CREATE FUNCTION impact_hist_put(state INTEGER[], minutes INTEGER, n INTEGER) RETURNS INTEGER[]
    LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
    IF minutes IS NULL THEN
        RETURN state;
    END IF;
    IF state IS NULL THEN
        state := array_fill(0, ARRAY[minutes + 1]);
    ELSIF cardinality(state) <= minutes THEN
        state := state || array_fill(0, ARRAY[minutes + 1 - cardinality(state)]);
    END IF;
    state[minutes + 1] := state[minutes + 1] + n;
    RETURN state;
END
$f$;

CREATE FUNCTION impact_hist_add(a INTEGER[], b INTEGER[]) RETURNS INTEGER[] LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
    IF b IS NULL THEN
        RETURN a;
    END IF;
    IF a IS NULL THEN
        RETURN b;
    END IF;
    IF cardinality(a) < cardinality(b) THEN
        a := a || array_fill(0, ARRAY[cardinality(b) - cardinality(a)]);
    END IF;
    FOR i IN 1 .. cardinality(b) LOOP
        a[i] := a[i] + b[i];
    END LOOP;
    RETURN a;
END
$f$;

CREATE AGGREGATE impact_hist(INTEGER, INTEGER) (SFUNC = impact_hist_put, STYPE = INTEGER[]);
CREATE AGGREGATE impact_hist_sum(INTEGER[]) (SFUNC = impact_hist_add, STYPE = INTEGER[]);

-- The measures: name and the condition on a fact row f (the same as FactQueries.AGGREGATES).
CREATE FUNCTION impact_rollup_measures() RETURNS TABLE (name TEXT, condition TEXT) LANGUAGE sql IMMUTABLE AS $f$
    VALUES ('appointments', $c$f.activity = 'APPOINTMENT'$c$),
           ('walk_ins', $c$f.activity = 'WALK_IN'$c$),
           ('short_help', $c$f.activity = 'SHORT_HELP'$c$),
           ('bookings', $c$f.activity = 'BOOKING'$c$),
           ('cancellations', $c$f.activity = 'CANCELLATION'$c$),
           ('no_shows', $c$f.activity = 'NO_SHOW'$c$),
           ('solved', $c$f.activity in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP') and f.result = 'SOLVED'$c$),
           ('referrals', $c$f.activity in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP') and f.referral is not null and f.referral <> 'NONE'$c$),
           ('first_visits', $c$f.activity in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP') and f.first_visit = 'YES'$c$),
           ('with_language', $c$f.activity in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP') and f.language is not null$c$),
           ('other_language', $c$f.activity in ('APPOINTMENT', 'WALK_IN', 'SHORT_HELP') and f.language is not null and f.language <> 'de'$c$),
           ('registrations', $c$f.activity = 'COURSE_REGISTRATION'$c$),
           ('attendance', $c$f.activity = 'COURSE_ATTENDANCE'$c$),
           ('completions', $c$f.activity = 'COURSE_COMPLETION'$c$),
           ('technical', $c$f.activity = 'COURSE_REGISTRATION' and f.technical$c$),
           ('technical_women', $c$f.activity = 'COURSE_REGISTRATION' and f.technical and f.gender = 'FEMALE'$c$),
           ('queue_served', $c$f.activity = 'QUEUE_SERVED'$c$),
           ('score_1', $c$f.activity = 'FEEDBACK' and f.score = 1$c$),
           ('score_2', $c$f.activity = 'FEEDBACK' and f.score = 2$c$),
           ('score_3', $c$f.activity = 'FEEDBACK' and f.score = 3$c$),
           ('score_4', $c$f.activity = 'FEEDBACK' and f.score = 4$c$),
           ('score_5', $c$f.activity = 'FEEDBACK' and f.score = 5$c$)
$f$;

-- The dimension rows of one fact f: (dim, value), as the raw queries key them (Dimension.sql()).
CREATE FUNCTION impact_rollup_dims() RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
    SELECT $d$cross join lateral (
        select '' as dim, '' as value
        union all select 'activity', f.activity
        union all select 'language', coalesce(f.language, '-')
        union all select 'ageBand', f.age_band
        union all select 'gender', f.gender
        union all select 'stadtteil', f.stadtteil
        union all select 'stadtbezirk', f.stadtbezirk
        union all select 'topic', coalesce(v.value, '-') from (select 1) one left join lateral unnest(f.topics) v(value) on true
        union all select 'targetGroup', coalesce(v.value, '-') from (select 1) one left join lateral unnest(f.target_groups) v(value) on true
    ) k$d$
$f$;

-- The statement that adds (sign 1) or subtracts (sign -1) the facts of a relation (a transition table) to both
-- grains, in key order so that concurrent inserts lock rollup rows in the same order. It returns SQL text because
-- transition tables are only visible to the trigger function itself, which EXECUTEs it.
CREATE FUNCTION impact_rollup_delta(source TEXT, sign INTEGER) RETURNS TEXT LANGUAGE plpgsql STABLE AS $f$
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
        insert into impact_rollup as r (dim, grain, day, lab_id, value, facts, %1$s, waits)
        select k.dim, g.grain, case g.grain when 'D' then f.day else date_trunc('month', f.day)::date end, f.lab_id,
               k.value, %4$s * count(*), %2$s,
               impact_hist(f.waiting_minutes, %4$s) filter (where f.activity = 'QUEUE_SERVED')
          from %5$I f cross join (values ('D'), ('M')) g(grain) %6$s
         group by 1, 2, 3, 4, 5
         order by 1, 2, 3, 4, 5
        on conflict (dim, grain, day, lab_id, value) do update set facts = r.facts + excluded.facts, %3$s,
            waits = impact_hist_add(r.waits, excluded.waits)$q$,
        names, sums, adds, sign, source, impact_rollup_dims());
END
$f$;

-- Recomputes the rollup from impact_fact: for the migration of existing data and for bulk loads (DemoFacts).
-- Days from the facts, months from the days.
CREATE FUNCTION impact_rollup_rebuild() RETURNS VOID LANGUAGE plpgsql AS $f$
DECLARE
    sums TEXT;
    totals TEXT;
    names TEXT;
BEGIN
    SELECT string_agg(format('coalesce(sum(f.cases) filter (where %s), 0)', m.condition), ', '),
           string_agg(format('sum(%I)', m.name), ', '),
           string_agg(format('%I', m.name), ', ')
      INTO sums, totals, names
      FROM impact_rollup_measures() m;
    PERFORM set_config('work_mem', '256MB', true);
    TRUNCATE impact_rollup;
    EXECUTE format($q$
        insert into impact_rollup (dim, grain, day, lab_id, value, facts, %1$s, waits)
        select k.dim, 'D', f.day, f.lab_id, k.value, count(*), %2$s,
               impact_hist(f.waiting_minutes, 1) filter (where f.activity = 'QUEUE_SERVED')
          from impact_fact f %3$s
         group by 1, 3, 4, 5
         order by 1, 3, 4, 5$q$, names, sums, impact_rollup_dims());
    EXECUTE format($q$
        insert into impact_rollup (dim, grain, day, lab_id, value, facts, %1$s, waits)
        select dim, 'M', date_trunc('month', day)::date, lab_id, value, sum(facts), %2$s, impact_hist_sum(waits)
          from impact_rollup where grain = 'D'
         group by 1, 3, 4, 5
         order by 1, 3, 4, 5$q$, names, totals);
    ANALYZE impact_rollup;
END
$f$;

CREATE FUNCTION impact_rollup_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $f$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE impact_rollup;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE impact_rollup_delta('old_facts', -1);
        DELETE FROM impact_rollup WHERE facts = 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE impact_rollup_delta('new_facts', 1);
    END IF;
    RETURN NULL;
END
$f$;

CREATE TRIGGER impact_fact_rollup_insert AFTER INSERT ON impact_fact
    REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_trigger();
CREATE TRIGGER impact_fact_rollup_update AFTER UPDATE ON impact_fact
    REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_trigger();
CREATE TRIGGER impact_fact_rollup_delete AFTER DELETE ON impact_fact
    REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_trigger();
CREATE TRIGGER impact_fact_rollup_truncate AFTER TRUNCATE ON impact_fact
    FOR EACH STATEMENT EXECUTE FUNCTION impact_rollup_trigger();

SELECT impact_rollup_rebuild();
