#!/usr/bin/env bash
# Backup of the embedded PostgreSQL while citizens book, restore into an empty data directory, and proof that every
# booking confirmed (201 received) before the backup began is in the restored database. Not a test: run by hand.
# Usage: ./mvnw -B package -DskipTests && bench/backup-under-load.sh [workers, default 4] [seconds of load before
# the backup, default 20]
# Needs curl, jq and psql (any version: apt-get install postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${1:-4}
warmup=${2:-20}
port=${PORT:-18091}
port2=$((port + 1))
for tool in curl jq psql; do
  command -v $tool >/dev/null || { echo "needs $tool"; exit 1; }
done
[ -f target/impactlab.jar ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }

work=$(mktemp -d /tmp/impactlab-backup-XXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

start_app() { # data dir, port, log
  IMPACTLAB_DATA_DIR="$1" PORT=$2 IMPACTLAB_RATE_LIMIT_ENABLED=false java -jar target/impactlab.jar > "$3" 2>&1 &
  pids+=($!)
  local waited=0
  until curl -fs "http://localhost:$2/actuator/health" | grep -q UP; do
    sleep 0.5; waited=$((waited + 1))
    (( waited < 1200 )) || { echo "the app on port $2 did not start, see $3"; tail -20 "$3"; exit 1; }
  done
}

echo "starting the app on an empty data directory …"
start_app "$work/data" "$port" "$work/app.log"
app=${pids[-1]}
base="http://localhost:$port"
from=$(date +%F); to=$(date -d "+27 days" +%F)
: > "$work/slots.txt"
for attempt in $(seq 1 60); do # the demo data is written just after the app answers
  for language in de en tr; do
    curl -fs "$base/api/v1/labs/groepelingen/slots?topic=smartphone&language=$language&from=$from&to=$to" \
      | jq -r --arg l "$language" '.[] | "\($l) \(.start)"' >> "$work/slots.txt" || true
  done
  [ -s "$work/slots.txt" ] && break
  sleep 1
done
echo "free times to book: $(wc -l < "$work/slots.txt")"

book() { # worker number: books every workers-th free time, logs "nanoseconds code" per confirmed booking
  local n=$1 line=0
  while read -r language start; do
    line=$((line + 1))
    (( line % workers == n )) || continue
    local answer
    answer=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"lab\":\"groepelingen\",\"topic\":\"smartphone\",\"language\":\"$language\",\"start\":\"$start\",\"mode\":\"IN_PERSON\",\"consent\":true}" \
      "$base/api/v1/appointments") || continue
    if [ "$(tail -1 <<< "$answer")" = 201 ]; then
      echo "$(date +%s%N) $(head -1 <<< "$answer" | jq -r .code)" >> "$work/confirmed-$n.txt"
    fi
  done < "$work/slots.txt"
}
for n in $(seq 0 $((workers - 1))); do book "$n" & pids+=($!); done
load_pids=("${pids[@]: -$workers}")

sleep "$warmup"
before_backup=$(date +%s%N)
backup_started=$(date +%T)
backup=$(deploy/backup.sh "$work/data" "$work")
after_backup=$(date +%s%N)
echo "backup written during the load: $(basename "$backup"), $(du -h "$backup" | cut -f1), $(( (after_backup - before_backup) / 1000000 )) ms"
sleep 3
for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
kill "$app"; wait "$app" 2>/dev/null || true

echo "restoring into an empty data directory and starting the app on it …"
deploy/restore.sh "$backup" "$work/restored" > /dev/null
start_app "$work/restored" "$port2" "$work/restored.log"
restored_port=$(sed -n 4p "$work/restored/postgres/postmaster.pid")
psql -X -At -h localhost -p "$restored_port" -U postgres -d postgres \
  -c "select code from appointment where status = 'BOOKED'" | sort > "$work/restored-codes.txt"

cat "$work"/confirmed-*.txt | sort > "$work/confirmed.txt"
awk -v t="$before_backup" '$1 < t {print $2}' "$work/confirmed.txt" | sort > "$work/before.txt"
awk -v a="$before_backup" -v b="$after_backup" '$1 >= a && $1 <= b {print $2}' "$work/confirmed.txt" | sort > "$work/during.txt"
missing=$(comm -23 "$work/before.txt" "$work/restored-codes.txt" | wc -l)
during_in=$(comm -12 "$work/during.txt" "$work/restored-codes.txt" | wc -l)

echo
echo "| bookings confirmed | before the backup began ($backup_started) | while it ran | in the restored database | confirmed before the backup but missing |"
echo "|---|---|---|---|---|"
echo "| $(wc -l < "$work/confirmed.txt") | $(wc -l < "$work/before.txt") | $(wc -l < "$work/during.txt") (of them restored: $during_in) | $(wc -l < "$work/restored-codes.txt") | $missing |"
curl -fs "http://localhost:$port2/actuator/health" | grep -q UP && echo "the app runs on the restored data directory"
if (( missing > 0 )); then
  echo "FAILED: bookings confirmed before the backup are missing after the restore"
  exit 1
fi
