#!/usr/bin/env bash
# Load benchmark (not a test) of the public booking flow: slot list, booking, conflicting booking, and a static file
# served by the same app as the ceiling, each at 16 and 64 concurrent clients, with wrk on loopback.
# Usage: ./mvnw -B package -DskipTests && bench/booking-load.sh [seconds per run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
port=${PORT:-18090}
base="http://localhost:$port"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
[ -f target/impactlab.jar ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }

mkdir -p bench/work
data=$(mktemp -d /tmp/impactlab-load-XXXX)
IMPACTLAB_DATA_DIR="$data/data" PORT=$port IMPACTLAB_RATE_LIMIT_ENABLED=false \
  java -jar target/impactlab.jar > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs "$base/actuator/health" | grep -q UP; do sleep 0.5; done
sleep 3 # demo data

from=$(date +%F); to=$(date -d "+27 days" +%F)
slots="/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&from=$from&to=$to"
curl -fs "$base$slots" | grep -o '"start":"[^"]*"' | cut -d'"' -f4 > bench/work/slots.txt
echo "free times before: $(wc -l < bench/work/slots.txt)"
# One time booked out completely, for the conflict runs.
taken=$(head -1 bench/work/slots.txt); echo "$taken" > bench/work/taken.txt
for i in 1 2 3 4; do
  curl -s -o /dev/null -H 'Content-Type: application/json' -d "{\"lab\":\"groepelingen\",\"topic\":\"smartphone\",\"language\":\"de\",\"start\":\"$taken\",\"mode\":\"IN_PERSON\",\"consent\":true}" "$base/api/v1/appointments"
done

run() { # name, concurrency, wrk args...
  local name=$1 c=$2; shift 2
  local out
  out=$(wrk -t2 -c"$c" -d"${secs}s" --latency "$@" 2>&1)
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf "| %-22s | %3d | %9s | %8s | %8s | %s |\n" "$name" "$c" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo
echo "| scenario | clients | requests/s | p50 | p99 | non-2xx answers |"
echo "|---|---|---|---|---|---|"
for c in 16 64; do
  run "static file (ceiling)" $c "$base/css/impactlab.css"
  run "slot list (28 days)" $c "$base$slots"
  run "booking" $c -s bench/lua/book.lua "$base/api/v1/appointments"
  run "conflicting booking" $c -s bench/lua/conflict.lua "$base/api/v1/appointments"
done
echo
echo "free times at the start: $(grep -c . bench/work/slots.txt); left after the runs: $(curl -fs "$base$slots" | grep -o '"start"' | wc -l)"
