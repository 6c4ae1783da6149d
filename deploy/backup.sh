#!/bin/sh
# Backup of the newsroom: the database (pg_dump, custom format) and the uploaded media (tar), named
# by UTC time in BACKUP_DIR; backups older than BACKUP_KEEP_DAYS are removed. Run nightly by
# deploy/systemd/newsroom-backup.timer; restoring is described in the README (Production).
set -eu
: "${DATABASE_URL:?DATABASE_URL is not set}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set}"
: "${BACKUP_DIR:?BACKUP_DIR is not set}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

umask 077
mkdir -p "$BACKUP_DIR"
# Written under a temporary name first: a half-written backup never looks like a good one.
pg_dump --format=custom --no-owner --file="$BACKUP_DIR/database-$stamp.dump.partial" "$DATABASE_URL"
mv "$BACKUP_DIR/database-$stamp.dump.partial" "$BACKUP_DIR/database-$stamp.dump"
tar -C "$(dirname "$MEDIA_ROOT")" -czf "$BACKUP_DIR/media-$stamp.tar.gz.partial" "$(basename "$MEDIA_ROOT")"
mv "$BACKUP_DIR/media-$stamp.tar.gz.partial" "$BACKUP_DIR/media-$stamp.tar.gz"

find "$BACKUP_DIR" -maxdepth 1 \( -name 'database-*.dump' -o -name 'media-*.tar.gz' \) \
    -mtime +"$keep_days" -delete
echo "Backed up to $BACKUP_DIR/database-$stamp.dump and $BACKUP_DIR/media-$stamp.tar.gz"
