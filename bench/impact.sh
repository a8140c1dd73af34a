#!/usr/bin/env bash
# Benchmark (not a test): the impact dashboard and its exports over 2,000,000 synthetic facts (ten years, three labs),
# beside the bare SQL of the very query each request ran (logged by FactQueries at debug level, replayed with psql
# EXPLAIN ANALYZE against the embedded PostgreSQL), so the ratio shows what the app adds.
# Usage: ./mvnw -B package -DskipTests && bench/impact.sh [requests per case, default 50] [facts, default 2000000]
# DATA_DIR=/some/dir keeps the data directory (a second run skips the 2,000,000-fact load); JAR=other.jar measures
# another build. A question with one filter runs several queries (months from the filtered rollup, the days around them
# from the facts): "bare SQL" is the last of them.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
facts=${2:-2000000}
port=${PORT:-18081}
jar=${JAR:-target/impactlab.jar}
[ -f "$jar" ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }
dir=$(mktemp -d /tmp/impactlab-bench-impact-XXXX)
data=${DATA_DIR:-$dir/data}
base="http://localhost:$port"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load before start: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
IMPACTLAB_DATA_DIR="$data" IMPACTLAB_DEMO_FACTS=$facts PORT=$port \
  java ${JAVA_OPTS:-} -jar "$jar" --logging.level.eu.impactlab.impact.FactQueries=DEBUG > "$dir/app.log" 2>&1 &
pid=$!
cleanup() { # stop the app, wait until its PostgreSQL is down, then remove the temporary directory
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  for _ in $(seq 1 40); do [ -f "$data/postgres/postmaster.pid" ] || break; sleep 0.5; done
  rm -rf "$dir"
}
trap cleanup EXIT
until curl -fs "$base/actuator/health" | grep -q '"UP"' && grep -q "Started ImpactLabApplication" "$dir/app.log"; do
  sleep 0.5
  kill -0 $pid 2>/dev/null || { echo "app died:"; tail -30 "$dir/app.log"; exit 1; }
done
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
psql() { command psql -h localhost -p "$pgport" -U postgres -d postgres "$@"; }
# The facts are written in one transaction beside the running app (also into a kept DATA_DIR on its first run).
until [ "$(psql -At -c 'select count(*) from impact_fact')" -ge "$facts" ]; do
  sleep 2
  kill -0 $pid 2>/dev/null || { echo "app died:"; tail -30 "$dir/app.log"; exit 1; }
done
sleep 2
echo "healthy with data after $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s; $(grep -o 'Generated.*' "$dir/app.log" || echo 'facts were already there') $(grep -o 'Demo facts inserted.*' "$dir/app.log" || true)"
echo "facts in the table: $(psql -At -c 'select count(*) from impact_fact'), rollup rows: $(psql -At -c 'select count(*) from impact_rollup')"

login() { # $1 = user; cookie jar in $dir/$1.cookies
  local jar="$dir/$1.cookies" csrf
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$csrf" "$base/login"
}

percentiles() { # reads seconds, one per line; prints "p50 p95" in ms
  sort -n | awk '{a[NR]=$1} END {p50=a[int((NR+1)*0.5)]; i=int(NR*0.95+0.999); if (i>NR) i=NR; printf "%.0f %.0f\n", p50*1000, a[i]*1000}'
}

bare() { # $1 = SQL; 10 runs of EXPLAIN ANALYZE, "p50 p95" of the execution time in ms
  for _ in $(seq 1 10); do
    psql -At -c "set work_mem = '64MB'" -c "explain (analyze, timing off) $1" | grep -o 'Execution Time: [0-9.]*' | grep -o '[0-9.]*$' | awk '{print $1/1000}'
  done | percentiles
}

echo
echo "| case | app p50 | app p95 | bare SQL p50 | bare SQL p95 | app p50 / SQL p50 | load (1 min) |"
echo "|---|---|---|---|---|---|---|"
measure() { # $1 = label, $2 = user, $3 = path
  curl -fs -o /dev/null -b "$dir/$2.cookies" "$base$3"   # warm-up
  local app sql query
  app=$(for _ in $(seq 1 "$n"); do curl -fs -o /dev/null -w '%{time_total}\n' -b "$dir/$2.cookies" "$base$3"; done | percentiles)
  query=$(grep -o 'impact query: .*' "$dir/app.log" | tail -1 | sed 's/^impact query: //')
  sql=$(bare "$query")
  echo "| $1 | ${app% *} ms | ${app#* } ms | ${sql% *} ms | ${sql#* } ms | $([ "${sql% *}" -gt 0 ] && echo "scale=1; ${app% *} / ${sql% *}" | bc || echo "-") | $(cut -d' ' -f1 /proc/loadavg) |"
}

login funder
login coordinator
year="from=$(date -d '1 year ago' +%F)&to=$(date +%F)"
ten="from=$(date -d '10 years ago + 1 day' +%F)&to=$(date +%F)"
measure "dashboard, funder, all labs, 1 year (by month)"      funder      "/impact?$year"
measure "dashboard, funder, all labs, 10 years (by month)"    funder      "/impact?$ten"
measure "dashboard, coordinator, Gröpelingen, 1 year"        coordinator "/impact?$year"
measure "dashboard, coordinator, Gröpelingen, 10 years, by year" coordinator "/impact?$ten&by=year"
measure "dashboard, funder, 1 year, by topic"                 funder      "/impact?$year&by=topic"
measure "dashboard, funder, 10 years, by topic"               funder      "/impact?$ten&by=topic"
measure "dashboard, funder, 10 years, by Stadtteil"           funder      "/impact?$ten&by=stadtteil"
measure "dashboard, funder, 10 years, by lab"                 funder      "/impact?$ten&by=lab"
measure "dashboard, funder, 1 year, filter gender"            funder      "/impact?$year&gender=FEMALE"
measure "dashboard, funder, 10 years, filter gender"          funder      "/impact?$ten&gender=FEMALE"
measure "dashboard, funder, 10 years, filter gender, by topic" funder     "/impact?$ten&gender=FEMALE&by=topic"
measure "dashboard, funder, 10 years, filter topic"           funder      "/impact?$ten&topic=smartphone"
measure "dashboard, funder, 10 years, filter activity"        funder      "/impact?$ten&activity=WALK_IN"
measure "dashboard, funder, 10 years, filter not German, by Stadtbezirk" funder "/impact?$ten&language=not-de&by=stadtbezirk"
measure "dashboard, coordinator, Gröpelingen, 10 years, filter age band" coordinator "/impact?$ten&ageBand=FROM_65"
measure "CSV export, funder, 1 year"                          funder      "/impact/export.csv?$year"
measure "CSV export, funder, 10 years"                        funder      "/impact/export.csv?$ten"
measure "XLSX export, funder, 1 year"                         funder      "/impact/export.xlsx?$year"
measure "PDF report, funder, 1 year"                          funder      "/impact/report.pdf?$year"

echo
echo "For comparison, the facts query (no rollup) for the whole dashboard, all labs:"
labs=$(psql -At -c "select string_agg(id::text, ', ') from lab")
for span in 365 3650; do
  q="select grouping(date_trunc('month', f.day)::date::text) g2, grouping(f.stadtteil) g3, date_trunc('month', f.day)::date::text, f.stadtteil,
      sum(f.cases) filter (where f.activity = 'APPOINTMENT'), sum(f.cases) filter (where f.activity = 'WALK_IN'),
      sum(f.cases) filter (where f.activity = 'SHORT_HELP'), sum(f.cases) filter (where f.activity = 'BOOKING'),
      sum(f.cases) filter (where f.activity = 'CANCELLATION'), sum(f.cases) filter (where f.activity = 'NO_SHOW'),
      sum(f.cases) filter (where f.result = 'SOLVED'), sum(f.cases) filter (where f.referral <> 'NONE'),
      sum(f.cases) filter (where f.first_visit = 'YES'), sum(f.cases) filter (where f.language <> 'de'),
      sum(f.cases) filter (where f.activity = 'COURSE_REGISTRATION'), sum(f.cases) filter (where f.activity = 'COURSE_ATTENDANCE'),
      sum(f.cases) filter (where f.activity = 'COURSE_COMPLETION'), sum(f.cases) filter (where f.technical and f.gender = 'FEMALE'),
      percentile_cont(0.5) within group (order by f.waiting_minutes) filter (where f.activity = 'QUEUE_SERVED'),
      sum(f.cases) filter (where f.score = 5)
    from impact_fact f where f.day between current_date - $span and current_date and f.lab_id in ($labs)
    group by grouping sets ((date_trunc('month', f.day)::date::text), (f.stadtteil), ())"
  r=$(bare "$q")
  echo "- $span days: p50 ${r% *} ms, p95 ${r#* } ms (load $(cut -d' ' -f1 /proc/loadavg))"
done
