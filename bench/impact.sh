#!/usr/bin/env bash
# Benchmark (not a test): the impact dashboard and the CSV export over 2,000,000 synthetic facts (ten years, three labs),
# beside the bare SQL aggregate the dashboard runs, timed with psql against the embedded PostgreSQL.
# Usage: ./mvnw -B package -DskipTests && bench/impact.sh [requests per case, default 50] [facts, default 2000000]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50}
facts=${2:-2000000}
port=${PORT:-18081}
jar=target/impactlab.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }
dir=$(mktemp -d /tmp/impactlab-bench-impact-XXXX)
base="http://localhost:$port"

start=$(date +%s.%N)
IMPACTLAB_DATA_DIR="$dir/data" IMPACTLAB_DEMO_FACTS=$facts PORT=$port java ${JAVA_OPTS:-} -jar "$jar" > "$dir/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
until grep -q "synthetic impact facts" "$dir/app.log" && curl -fs "$base/actuator/health" | grep -q '"UP"'; do
  sleep 0.5
  kill -0 $pid 2>/dev/null || { echo "app died:"; tail -30 "$dir/app.log"; exit 1; }
done
echo "healthy with data after $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s; $(grep -o 'Generated.*' "$dir/app.log")"
pgport=$(grep -o 'running on port [0-9]*' "$dir/app.log" | grep -o '[0-9]*$')

login() { # $1 = user; cookie jar in $dir/$1.cookies
  local jar="$dir/$1.cookies" csrf
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo" \
    --data-urlencode "_csrf=$csrf" "$base/login"
}

percentiles() { # reads seconds, one per line; prints p50 and p95 in ms
  sort -n | awk '{a[NR]=$1} END {p50=a[int((NR+1)*0.5)]; i=int(NR*0.95+0.999); if (i>NR) i=NR; printf "p50 %6.0f ms   p95 %6.0f ms   (n=%d)\n", p50*1000, a[i]*1000, NR}'
}

measure() { # $1 = label, $2 = user, $3 = path
  curl -fs -o /dev/null -b "$dir/$2.cookies" "$base$3"   # warm-up
  printf "%-44s " "$1"
  for _ in $(seq 1 "$n"); do curl -fs -o /dev/null -w '%{time_total}\n' -b "$dir/$2.cookies" "$base$3"; done | percentiles
}

sql() { # $1 = label, $2 = where clause
  local q="explain (analyze, timing off) select grouping(f.lab_id) g1, grouping(date_trunc('month', f.day)) g2, grouping(f.stadtteil) g3,
      f.lab_id, date_trunc('month', f.day), f.stadtteil,
      sum(f.cases) filter (where f.activity = 'APPOINTMENT'), sum(f.cases) filter (where f.activity = 'WALK_IN'),
      sum(f.cases) filter (where f.activity = 'SHORT_HELP'), sum(f.cases) filter (where f.activity = 'BOOKING'),
      sum(f.cases) filter (where f.activity = 'CANCELLATION'), sum(f.cases) filter (where f.activity = 'NO_SHOW'),
      sum(f.cases) filter (where f.result = 'SOLVED'), sum(f.cases) filter (where f.referral <> 'NONE'),
      sum(f.cases) filter (where f.first_visit = 'YES'), sum(f.cases) filter (where f.language <> 'de'),
      sum(f.cases) filter (where f.activity = 'COURSE_REGISTRATION'), sum(f.cases) filter (where f.activity = 'COURSE_ATTENDANCE'),
      sum(f.cases) filter (where f.activity = 'COURSE_COMPLETION'), sum(f.cases) filter (where f.technical and f.gender = 'FEMALE'),
      percentile_cont(0.5) within group (order by f.waiting_minutes) filter (where f.activity = 'QUEUE_SERVED'),
      sum(f.cases) filter (where f.score = 5)
    from impact_fact f where $2
    group by grouping sets ((f.lab_id), (date_trunc('month', f.day)), (f.stadtteil), ())"
  printf "%-44s " "$1"
  for _ in $(seq 1 10); do
    psql -h localhost -p "$pgport" -U postgres -d postgres -At -c "$q" | grep -o 'Execution Time: [0-9.]*' | grep -o '[0-9.]*$' | awk '{print $1/1000}'
  done | percentiles
}

login funder
login coordinator
year="from=$(date -d '1 year ago' +%F)&to=$(date +%F)"
ten="from=$(date -d '10 years ago + 1 day' +%F)&to=$(date +%F)"
echo "facts in the table: $(psql -h localhost -p "$pgport" -U postgres -d postgres -At -c 'select count(*) from impact_fact')"
measure "dashboard, funder, all labs, 1 year"        funder      "/impact?$year&by=lab"
measure "dashboard, funder, all labs, 10 years"      funder      "/impact?$ten&by=lab"
measure "dashboard, coordinator, Gröpelingen, 1 year" coordinator "/impact?$year&by=month"
measure "dashboard, coordinator, Gröpelingen, 10 years" coordinator "/impact?$ten&by=year"
measure "dashboard, funder, 10 years, by topic"      funder      "/impact?$ten&by=topic"
measure "CSV export, funder, 1 year"                 funder      "/impact/export.csv?$year&by=month"
measure "PDF report, funder, 1 year"                 funder      "/impact/report.pdf?$year&by=lab"
sql "bare SQL, all labs, 1 year"   "f.day between current_date - 365 and current_date and f.lab_id in (1, 2, 3)"
sql "bare SQL, all labs, 10 years" "f.day between current_date - 3650 and current_date and f.lab_id in (1, 2, 3)"
sql "bare SQL, Gröpelingen, 1 year" "f.day between current_date - 365 and current_date and f.lab_id in (1)"
