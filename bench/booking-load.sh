#!/usr/bin/env bash
# Load benchmark (not a test) of the public booking flow: slot list, booking, conflicting booking, course registration,
# and a static file served by the same app as the ceiling, each at 16 and 64 concurrent clients, with wrk on loopback.
# The benchmark's own throw-away data directory gets HELPERS more helpers at Gröpelingen and COURSES courses
# (bench/sql/booking-seed.sql) and a booking window of a year, so every request of a run can find a free time or seat.
# Usage: ./mvnw -B package -DskipTests && bench/booking-load.sh [seconds per run, default 20]
# JAR=/tmp/other.jar runs another build; JFR=booking records a profile of the 64-client booking run in bench/work/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
port=${PORT:-18090}
base="http://localhost:$port"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
jar=${JAR:-target/impactlab.jar}
helpers=${HELPERS:-40}
courses=${COURSES:-2000}
[ -f "$jar" ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }

mkdir -p bench/work
data=$(mktemp -d /tmp/impactlab-load-XXXX)
IMPACTLAB_DATA_DIR="$data/data" PORT=$port IMPACTLAB_RATE_LIMIT_ENABLED=false IMPACTLAB_CONSULTATIONS_BOOKING_DAYS=365 \
  java ${JAVA_OPTS:-} -jar "$jar" > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs "$base/actuator/health" | grep -q UP; do sleep 0.5; done
pgport=$(sed -n 4p "$data/data/postgres/postmaster.pid")
psql() { command psql -h localhost -p "$pgport" -U postgres -d postgres "$@"; }
until [ "$(psql -At -c "select count(*) from helper_availability")" -gt 0 ]; do sleep 0.5; done # demo data
sleep 2
psql -q -At -v helpers="$helpers" -v courses="$courses" -v seats=500 -f bench/sql/booking-seed.sql > bench/work/courses.txt
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "seeded: $helpers helpers, $(wc -l < bench/work/courses.txt) courses"

from=$(date +%F); to=$(date -d "+27 days" +%F)
slots="/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&from=$from&to=$to"
: > bench/work/slots.txt
for month in $(seq 0 30 360); do # the API answers at most 31 days at once
  f=$(date -d "+$month days" +%F); t=$(date -d "+$((month + 29)) days" +%F)
  curl -fs "$base/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&from=$f&to=$t" \
    | grep -o '"start":"[^"]*"' | cut -d'"' -f4 >> bench/work/slots.txt
done
free_before=$(curl -fs "$base$slots" | grep -o '"available":[0-9]*' | cut -d: -f2 | paste -sd+ | bc)
echo "free times before: $(wc -l < bench/work/slots.txt) starts in a year; bookable helper hours in the first 28 days: $free_before"
# One time booked out completely, for the conflict runs.
taken=$(head -1 bench/work/slots.txt); echo "$taken" > bench/work/taken.txt
for i in $(seq 1 $((helpers + 4))); do
  curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"lab\":\"groepelingen\",\"topic\":\"smartphone\",\"language\":\"de\",\"start\":\"$taken\",\"mode\":\"IN_PERSON\",\"consent\":true}" "$base/api/v1/appointments"
done

pg_main=$(sed -n 1p "$data/data/postgres/postmaster.pid")
hz=$(getconf CLK_TCK)
ticks() { # CPU ticks so far of the JVM, and of PostgreSQL (the server, its live processes and the ones it reaped)
  local jvm pg=0 pid
  jvm=$(awk '{print $14 + $15}' /proc/$app/stat)
  pg=$(awk '{print $14 + $15 + $16 + $17}' /proc/$pg_main/stat)
  for pid in $(pgrep -P "$pg_main"); do pg=$((pg + $(awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null || echo 0))); done
  echo "$jvm $pg"
}

run() { # name, concurrency, wrk args...
  local name=$1 c=$2; shift 2
  local out before after
  before=$(ticks)
  out=$(wrk -t2 -c"$c" -d"${secs}s" --latency "$@" 2>&1)
  after=$(ticks)
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  local statuses created
  statuses=$(echo "$out" | awk '/^statuses:/ {print $2, $3, $4}')
  created=$(echo "$out" | awk -F'created/s=' '/^statuses:/ {print $2}')
  # CPU per request (ms): steadier than requests/s when other work shares the cores
  local requests cpu
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  cpu=$(echo "$before $after" | awk -v n="$requests" -v hz="$hz" '{printf "%.1f / %.1f", ($3 - $1) * 1000 / hz / n, ($4 - $2) * 1000 / hz / n}')
  printf "| %-22s | %3d | %9s | %9s | %8s | %8s | %-28s | %11s | %s |\n" "$name" "$c" "$rps" "${created:--}" "$p50" "$p99" \
    "${statuses:-non-2xx ${non2xx:-0}}" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo
echo "| scenario | clients | requests/s | 201/s | p50 | p99 | answers | CPU ms per request (JVM / PostgreSQL) | load |"
echo "|---|---|---|---|---|---|---|---|---|"
app_pid=$app
for c in 16 64; do
  run "static file (ceiling)" $c "$base/css/impactlab.css"
  run "slot list (28 days)" $c "$base$slots"
  if [ "${JFR:-}" = booking ] && [ $c = 64 ]; then
    jcmd $app_pid JFR.start name=bench settings=profile filename="$PWD/bench/work/booking.jfr" > /dev/null
  fi
  run "booking" $c -s bench/lua/book.lua "$base/api/v1/appointments"
  if [ "${JFR:-}" = booking ] && [ $c = 64 ]; then jcmd $app_pid JFR.stop name=bench > /dev/null; fi
  run "conflicting booking" $c -s bench/lua/conflict.lua "$base/api/v1/appointments"
  run "course registration" $c -s bench/lua/register.lua "$base/api/v1/courses"
done
echo
echo "bookable helper hours in the first 28 days at the start: $free_before; left after the runs: $(curl -fs "$base$slots" | grep -o '"available":[0-9]*' | cut -d: -f2 | paste -sd+ | bc)"
echo "double bookings (overlapping appointments of one helper): $(psql -At -c "select count(*) from appointment a join appointment b on a.helper_id = b.helper_id and a.id < b.id and a.status <> 'CANCELLED' and b.status <> 'CANCELLED' and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)")"
echo "overbooked courses: $(psql -At -c "select count(*) from course c where (select count(*) from course_registration r where r.course_id = c.id and r.status = 'CONFIRMED') > c.capacity")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
