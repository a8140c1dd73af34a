#!/usr/bin/env bash
# Benchmark (not a test): the pages citizens read, served by the app and, beside it in the same run, by nginx serving
# the very same bytes as static files. Records req/s, p50 and p99 at 16 and 64 connections, the ratio app / nginx,
# and the latency of one request at a time, per page, in German and Arabic.
# Usage: ./mvnw -B package -DskipTests && bench/pages.sh [seconds per run, default 15] [jar ...]
# Several jars (e.g. an older build first) are measured one after the other, each with its own nginx run.
# ONLY=<regex> measures only the pages whose name matches (home, lab, courses, course, book, slots), e.g. ONLY=slots.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
shift || true
jars=("$@")
[ ${#jars[@]} -gt 0 ] || jars=(target/impactlab.jar)
port=${PORT:-18087}
nginx_port=${NGINX_PORT:-18187}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "needs nginx (apt-get install nginx-light)"; exit 1; }
for jar in "${jars[@]}"; do [ -f "$jar" ] || { echo "no $jar: build first (./mvnw -B package -DskipTests)"; exit 1; }; done

work=$(mktemp -d /tmp/impactlab-pages-XXXX)
chmod 755 "$work"
app=""; ngx=""
cleanup() { # stop the app (and wait until its PostgreSQL is down), stop nginx, remove the temporary directory
  if [ -n "$ngx" ]; then kill "$ngx" 2>/dev/null || true; wait "$ngx" 2>/dev/null || true; fi
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
    for _ in $(seq 1 40); do [ -f "$work/data/postgres/postmaster.pid" ] || break; sleep 0.5; done
  fi
  app=""; ngx=""
}
trap 'cleanup; rm -rf "$work"' EXIT

wrk_run() { # url, connections, threads, extra wrk args...; prints "req/s p50 p99 non-2xx"
  local url=$1 c=$2 t=$3; shift 3
  local out
  out=$(wrk -t"$t" -c"$c" -d"${secs}s" --latency "$@" "$url" 2>&1)
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="50%" {print $2}') \
$(echo "$out" | awk '$1=="99%" {print $2}') $(echo "$out" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $("$nginx" -v 2>&1)"
echo "wrk: 2 threads, $secs s per run; the app runs with IMPACTLAB_RATE_LIMIT_ENABLED=false"

for jar in "${jars[@]}"; do
  rm -rf "$work/data" "$work/root"; mkdir -p "$work/root"
  echo
  echo "## $jar ($(date -r "$jar" '+%F %H:%M'))"
  start=$(date +%s.%N)
  IMPACTLAB_DATA_DIR="$work/data" PORT=$port IMPACTLAB_RATE_LIMIT_ENABLED=false java ${JAVA_OPTS:-} -jar "$jar" \
    > "$work/app.log" 2>&1 &
  app=$!
  until curl -fs "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
    sleep 0.5
    kill -0 "$app" 2>/dev/null || { echo "app died:"; tail -30 "$work/app.log"; exit 1; }
  done
  echo "healthy after $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s (load $(cut -d' ' -f1-3 /proc/loadavg))"
  until curl -fs "http://localhost:$port/courses" | grep -q 'href="/courses/[0-9]'; do sleep 1; done  # demo data
  sleep 3
  course=$(curl -fs "http://localhost:$port/courses" | grep -o 'href="/courses/[0-9]*"' | head -1 | grep -o '[0-9]*')
  from=$(date +%F); to=$(date -d "+6 days" +%F)
  pages=("/" "/labs/groepelingen" "/courses" "/courses/$course" "/book"
    "/api/v1/labs/groepelingen/slots?topic=smartphone&language=de&from=$from&to=$to")
  names=(home lab courses course book slots)
  for i in "${!pages[@]}"; do [[ ${names[$i]} =~ ^(${ONLY:-.*})$ ]] || unset "pages[$i]"; done

  # The same bytes for nginx: one file per page and language.
  for i in "${!pages[@]}"; do
    for lang in de ar; do
      ext=html; [ "${names[$i]}" = slots ] && ext=json
      curl -fs -H "Accept-Language: $lang" -o "$work/root/${names[$i]}-$lang.$ext" "http://localhost:$port${pages[$i]}"
    done
  done
  chmod -R a+rX "$work/root"
  cat > "$work/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/ngx-body; proxy_temp_path $work/ngx-proxy; fastcgi_temp_path $work/ngx-fcgi;
  uwsgi_temp_path $work/ngx-uwsgi; scgi_temp_path $work/ngx-scgi;
  types { text/html html; application/json json; }
  server { listen 127.0.0.1:$nginx_port; root $work/root; }
}
EOF
  "$nginx" -c "$work/nginx.conf" -e "$work/nginx-error.log" &
  ngx=$!
  until curl -s -o /dev/null "http://127.0.0.1:$nginx_port/"; do sleep 0.2; done  # any answer: something listens
  # ... but it must be this nginx serving these files (another server on a busy port would be measured instead)
  probe=$(cd "$work/root" && ls | head -1)
  curl -fs "http://127.0.0.1:$nginx_port/$probe" | cmp -s - "$work/root/$probe" \
    || { echo "port $nginx_port answers, but not with this run's files (busy? NGINX_PORT=… picks another)"; exit 1; }

  # Warm-up (not recorded): the JIT compiles the hot paths before anything is measured.
  for i in "${!pages[@]}"; do
    for lang in de ar; do secs=3 wrk_run "http://localhost:$port${pages[$i]}" 16 2 -H "Accept-Language: $lang" > /dev/null; done
  done

  echo
  echo "| page | language | bytes | connections | app req/s | app p50 | app p99 | nginx req/s | nginx p50 | nginx p99 | app / nginx | app non-2xx | load (1 min) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  single=()
  for i in "${!pages[@]}"; do
    for lang in de ar; do
      ext=html; [ "${names[$i]}" = slots ] && ext=json
      file="${names[$i]}-$lang.$ext"
      bytes=$(stat -c %s "$work/root/$file")
      label=${pages[$i]%%\?*}; [ "${names[$i]}" = slots ] && label="$label (7 days)"
      for c in 16 64; do
        read -r a_rps a_p50 a_p99 a_bad <<< "$(wrk_run "http://localhost:$port${pages[$i]}" $c 2 -H "Accept-Language: $lang")"
        read -r n_rps n_p50 n_p99 _ <<< "$(wrk_run "http://127.0.0.1:$nginx_port/$file" $c 2)"
        ratio=$(echo "scale=2; 100 * $a_rps / $n_rps" | bc)
        echo "| \`$label\` | $lang | $bytes | $c | $a_rps | $a_p50 | $a_p99 | $n_rps | $n_p50 | $n_p99 | $ratio % | $a_bad | $(cut -d' ' -f1 /proc/loadavg) |"
      done
      read -r _ s_p50 s_p99 _ <<< "$(secs=5 wrk_run "http://localhost:$port${pages[$i]}" 1 1 -H "Accept-Language: $lang")"
      single+=("| \`$label\` | $lang | $s_p50 | $s_p99 |")
    done
  done
  echo
  echo "One request at a time (wrk -t1 -c1, 5 s):"
  echo
  echo "| page | language | p50 | p99 |"
  echo "|---|---|---|---|"
  printf '%s\n' "${single[@]}"
  cleanup
done
