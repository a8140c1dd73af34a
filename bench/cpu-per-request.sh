#!/usr/bin/env bash
# Benchmark helper (not a test): CPU time the app's JVM and its embedded PostgreSQL spend per 1,000 requests of one
# URL, from /proc before and after a wrk run. On a machine shared with other work this is steadier than requests
# per second, which depend on how much of the CPU the app gets.
# Usage: bench/cpu-per-request.sh <app port> <IMPACTLAB_DATA_DIR of that app> <url> [connections, default 64] [seconds, default 10]
set -euo pipefail
port=$1; dir=$2; url=$3; c=${4:-64}; secs=${5:-10}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
jvm=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
postgres() { # the server process of that data directory and its children
  pgrep -f "postgres -D $(realpath "$dir")/postgres" | while read -r p; do echo "$p"; pgrep -P "$p" || true; done | sort -u
}
ticks() { local total=0 p v; for p in "$@"; do v=$(awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null || echo 0); total=$((total + v)); done; echo $total; }
pg=$(postgres); j0=$(ticks "$jvm"); p0=$(ticks $pg)
out=$(wrk -t2 -c"$c" -d"${secs}s" --latency "$url")
pg=$(postgres); j1=$(ticks "$jvm"); p1=$(ticks $pg)
n=$(echo "$out" | awk '/requests in/ {print $1}')
hz=$(getconf CLK_TCK)
echo "requests $n, req/s $(echo "$out" | awk '/Requests\/sec/ {print $2}'), p99 $(echo "$out" | awk '$1=="99%" {print $2}'),\
 JVM CPU per 1,000 requests $(( (j1 - j0) * 1000 / hz * 1000 / n )) ms, PostgreSQL $(( (p1 - p0) * 1000 / hz * 1000 / n )) ms,\
 load $(cut -d' ' -f1 /proc/loadavg)"
