#!/usr/bin/env bash
# A consistent online backup of the embedded PostgreSQL while the app runs, plus the badge-signing key:
#   deploy/backup.sh [DATA_DIR] [TARGET_DIR]      (defaults: $IMPACTLAB_DATA_DIR or ./data, and .)
# writes TARGET_DIR/impactlab-backup-<date>-<time>.tar.gz. Restore it with deploy/restore.sh on any machine.
#
# How: PostgreSQL's own low-level base backup (pg_backup_start, a copy of the data directory, pg_backup_stop, then
# the write-ahead log from the backup's start on), which is what pg_basebackup does; the embedded PostgreSQL 17
# bundle has no pg_basebackup, and a pg_basebackup older than the server refuses to run. It needs psql of any
# version (Debian/Ubuntu: apt-get install postgresql-client). A temporary replication slot keeps the server from
# recycling the log the backup needs while the files are copied.
set -euo pipefail
export LC_ALL=C

if [[ "${1:-}" == "--copy-base" ]]; then
  # Called from inside the psql session below, between pg_backup_start and pg_backup_stop.
  pgdata=$2 stage=$3
  mkdir -p "$stage/postgres"
  # Files change while they are copied; the write-ahead log replayed at the restore repairs that (that is the
  # point of the backup mode), so tar's "file changed/removed" warnings are expected. pg_wal comes afterwards.
  set +e
  tar -C "$pgdata" -cf - \
      --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude=./backup_label --exclude=./tablespace_map \
      --exclude='./pg_wal/*' --exclude='./pg_replslot/*' --exclude='./pg_stat_tmp/*' \
      --warning=no-file-changed --warning=no-file-removed --warning=no-file-shrank --ignore-failed-read . \
    | tar -C "$stage/postgres" -xf -
  status=("${PIPESTATUS[@]}")
  set -e
  # tar's exit code 1 means "some file changed while being read": expected here, see above.
  if (( status[0] > 1 || status[1] != 0 )); then
    echo "Copying the data directory failed (tar: ${status[*]})" >&2
    exit 1
  fi
  touch "$stage/.base-copied"
  exit 0
fi

data_dir=$(realpath "${1:-${IMPACTLAB_DATA_DIR:-./data}}")
target_dir=$(realpath "${2:-.}")
pgdata="$data_dir/postgres"
pidfile="$pgdata/postmaster.pid"

command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client (any version)" >&2; exit 2; }
[[ -f "$pidfile" ]] || { echo "No running embedded PostgreSQL in $pgdata (start the app first)" >&2; exit 2; }
port=$(sed -n 4p "$pidfile")
case "$target_dir/" in
  "$data_dir"/*) echo "Write the backup outside the data directory" >&2; exit 2 ;;
esac

name="impactlab-backup-$(date +%Y%m%d-%H%M%S)"
stage=$(mktemp -d "$target_dir/.$name.XXXXXX")
trap 'rm -rf "$stage"' EXIT
self=$(realpath "$0")

# One session from start to stop: a non-exclusive backup ends with the session that began it.
# Only the label goes to a file; the rest of psql's output is not needed.
PGCONNECT_TIMEOUT=10 psql -X -q -h localhost -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 > /dev/null <<SQL
\pset tuples_only on
\pset format unaligned
select 1 from pg_create_physical_replication_slot('impactlab_backup_' || pg_backend_pid(), true, true);
select 1 from pg_backup_start('$name', true);
\! "$self" --copy-base "$pgdata" "$stage"
\o '$stage/postgres/backup_label'
select labelfile from pg_backup_stop(false);
\o
SQL

[[ -f "$stage/.base-copied" ]] || { echo "The backup was not completed" >&2; exit 1; }
rm "$stage/.base-copied"
# psql adds a newline after the label's own last one.
sed -i '/^$/d' "$stage/postgres/backup_label"
start_wal=$(sed -n 's/^START WAL LOCATION: .*(file \([0-9A-F]\{24\}\))$/\1/p' "$stage/postgres/backup_label")
[[ -n "$start_wal" ]] || { echo "pg_backup_stop returned no usable backup label" >&2; exit 1; }

# The write-ahead log from the backup's start up to its end (pg_backup_stop wrote and flushed the end record);
# later segments are harmless: recovery stops at the end of the valid log.
mkdir -p "$stage/postgres/pg_wal/archive_status"
for segment in "$pgdata"/pg_wal/[0-9A-F]*; do
  file=$(basename "$segment")
  if [[ ${#file} -eq 24 && ! "$file" < "$start_wal" ]]; then
    cp "$segment" "$stage/postgres/pg_wal/"
  fi
done

# The badge-signing key (skills), if the app keeps it in the data directory (the default).
key="${IMPACTLAB_SKILLS_ISSUER_KEY_PATH:-$data_dir/skills-issuer-ed25519.key}"
if [[ -f "$key" ]]; then
  cp -p "$key" "$stage/skills-issuer-ed25519.key"
fi

tar -C "$stage" -czf "$stage/$name.tar.gz" postgres $( [[ -f "$stage/skills-issuer-ed25519.key" ]] && echo skills-issuer-ed25519.key )
chmod 600 "$stage/$name.tar.gz"
mv "$stage/$name.tar.gz" "$target_dir/$name.tar.gz"
echo "$target_dir/$name.tar.gz"
