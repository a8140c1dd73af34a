#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into an empty data directory, on this or another machine:
#   deploy/restore.sh impactlab-backup-<date>-<time>.tar.gz NEW_DATA_DIR
# then start the app with IMPACTLAB_DATA_DIR=NEW_DATA_DIR. On its first start PostgreSQL replays the write-ahead
# log in the backup up to the moment pg_backup_stop ran, so every transaction committed before that is there.
# Needs nothing but tar; the app's own embedded PostgreSQL does the rest.
set -euo pipefail

backup=${1:?usage: restore.sh BACKUP.tar.gz NEW_DATA_DIR}
data_dir=${2:?usage: restore.sh BACKUP.tar.gz NEW_DATA_DIR}

if [[ -e "$data_dir/postgres" && -n "$(ls -A "$data_dir/postgres" 2>/dev/null)" ]]; then
  echo "$data_dir/postgres is not empty: restore into a new data directory (nothing was changed)" >&2
  exit 2
fi
tar -tzf "$backup" postgres/backup_label >/dev/null 2>&1 \
  || { echo "$backup is no Impact Lab backup (postgres/backup_label is missing)" >&2; exit 2; }

mkdir -p "$data_dir"
tar -C "$data_dir" -xzf "$backup"
# PostgreSQL refuses a data directory others may read.
chmod 700 "$data_dir/postgres"
if [[ -f "$data_dir/skills-issuer-ed25519.key" ]]; then
  chmod 600 "$data_dir/skills-issuer-ed25519.key"
fi
echo "Restored into $data_dir. Start the app with IMPACTLAB_DATA_DIR=$data_dir"
