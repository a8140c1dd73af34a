#!/usr/bin/env bash
# Benchmark (not a test): time from `java -jar target/impactlab.jar` to a healthy app, and resident memory after start,
# with the embedded PostgreSQL on a fresh data directory and again on the second start (data already there).
# Usage: ./mvnw -B package -DskipTests && [JAVA_OPTS=...] [JAR=...] bench/startup.sh [runs]
# JAR picks another jar, e.g. the unpacked one with a class-data sharing archive (README, "Faster start"):
#   JAR=app/impactlab.jar JAVA_OPTS=-XX:SharedArchiveFile=app/impactlab.jsa bench/startup.sh 3
# LOAD=1 also puts 20 s of wrk on three public pages after the start and reports the JVM's resident memory then (a
# JVM grows under load: the figure an operator's server must hold). The recommended memory settings (README,
# "Memory"): JAVA_OPTS="-Xmx256m -XX:+UseSerialGC" LOAD=1 bench/startup.sh 3
# CDS=1 does that by itself: unpacks the jar into a temporary directory, makes the archive with one training run
# (start on a fresh data directory, healthy, stop), then measures the unpacked jar with the archive:
#   CDS=1 bench/startup.sh 5
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
jar=${JAR:-target/impactlab.jar}
[ -f "$jar" ] || { echo "build first: ./mvnw -B package -DskipTests"; exit 1; }

rss_of() { # resident memory in MiB of one process
  echo $(( $(awk '/VmRSS/ {print $2}' /proc/"$1"/status 2>/dev/null || echo 0) / 1024 ))
}

pss_of() { # proportional memory in MiB of processes that share memory (PostgreSQL's server processes)
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup 2>/dev/null || echo 0))); done
  echo $((total / 1024))
}

measure() { # $1 = data dir, $2 = label
  local start end pid jvm_rss pg_pids pg_rss
  start=$(date +%s.%N)
  IMPACTLAB_DATA_DIR="$1" PORT=$port java ${JAVA_OPTS:-} -jar "$jar" > "$1.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
    sleep 0.1
    kill -0 $pid 2>/dev/null || { echo "app died, see $1.log"; exit 1; }
  done
  end=$(date +%s.%N)
  # CPU seconds the JVM used until healthy: on a shared machine a steadier figure than the wall-clock time.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/"$pid"/stat)
  sleep 2
  jvm_rss=$(rss_of $pid)
  pg_main=$(pgrep -f "postgres -D $(realpath "$1")/postgres" | head -1 || true)
  pg_mem=0
  if [ -n "$pg_main" ]; then
    pg_mem=$(pss_of "$pg_main" $(pgrep -P "$pg_main" | tr '\n' ' '))
  fi
  loaded=""
  if [ "${LOAD:-0}" = 1 ]; then
    for page in / /courses /labs/groepelingen; do
      wrk -t2 -c32 -d7s "http://localhost:$port$page" > /dev/null
    done
    loaded=$(printf "   after load %4d MiB" "$(rss_of $pid)")
  fi
  printf "%-13s healthy after %5.1f s (JVM CPU %5.1f s)   JVM RSS %4d MiB%s   PostgreSQL PSS %3d MiB   together %4d MiB   load %s\n" \
    "$2" "$(echo "$end - $start" | bc)" "$cpu" "$jvm_rss" "$loaded" "$pg_mem" "$((jvm_rss + pg_mem))" "$(cut -d' ' -f1 /proc/loadavg)"
  kill $pid; wait $pid 2>/dev/null || true
}

if [ "${CDS:-0}" = 1 ]; then
  app=$(mktemp -d /tmp/impactlab-cds-XXXX)
  trap 'rm -rf "$app"' EXIT
  java -Djarmode=tools -jar "$jar" extract --destination "$app/app" > /dev/null
  jar="$app/app/$(basename "$jar")"
  train=$(mktemp -d /tmp/impactlab-bench-XXXX)/data
  IMPACTLAB_DATA_DIR="$train" PORT=$port java -XX:ArchiveClassesAtExit="$app/app.jsa" -jar "$jar" > "$app/training.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
    sleep 0.5
    kill -0 $pid 2>/dev/null || { echo "training run died, see $app/training.log"; exit 1; }
  done
  sleep 5 # let the demo data be written: its classes belong in the archive too
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$(dirname "$train")"
  [ -f "$app/app.jsa" ] || { echo "no archive written, see $app/training.log"; exit 1; }
  echo "class-data sharing archive: $(du -m "$app/app.jsa" | cut -f1) MB, unpacked jar $jar"
  JAVA_OPTS="${JAVA_OPTS:-} -XX:SharedArchiveFile=$app/app.jsa"
fi

for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/impactlab-bench-XXXX)/data
  measure "$dir" "first start"
  measure "$dir" "second start"
  rm -rf "$(dirname "$dir")"
done
