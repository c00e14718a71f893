#!/usr/bin/env bash
# Ringback against a real CalDAV server (Radicale, started here on a loopback port with its own storage):
# HTTP requests per sync for about 500 open leads (first sync, no change, 20 changed leads), the wall time
# of a no-change sync, and python3-caldav reading back what Ringback wrote. Writes bench/caldav-results.md.
# RINGBACK=path/to/ringback picks the binary (default: the release build).
set -euo pipefail
cd "$(dirname "$0")"
RECORDS=${CALDAV_RECORDS:-33000}
PORT=${CALDAV_BENCH_PORT:-5239}
NOW=2026-10-31T20:00:00Z
RINGBACK=${RINGBACK:-../.build/release/ringback}
RINGBACK=$(cd "$(dirname "$RINGBACK")" && pwd)/$(basename "$RINGBACK")
DIR=data/caldav
rm -rf "$DIR" && mkdir -p "$DIR/changes"
python3 generate_twilio_csv.py "$DIR/twilio.csv" "$RECORDS" 11
printf 'office:bench-password\n' >"$DIR/users"
printf 'bench-password' >"$DIR/password" && chmod 600 "$DIR/password"
cat >"$DIR/radicale.conf" <<CONF
[server]
hosts = 127.0.0.1:$PORT
[auth]
type = htpasswd
htpasswd_filename = $PWD/$DIR/users
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = $PWD/$DIR/collections
[logging]
level = info
CONF
/usr/bin/radicale --config "$DIR/radicale.conf" >"$DIR/radicale.log" 2>&1 &
PID=$!
trap 'kill -9 $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
curl -s -o /dev/null -u office:bench-password -X MKCALENDAR "http://127.0.0.1:$PORT/office/callbacks/"

sed -e "s#files: data/twilio-google.csv#files: twilio.csv#; s#files: data/google/changes/\*.csv#files: changes/*.csv#; s#mappings_dir: ../mappings#mappings_dir: ../../../mappings#" \
  -e '/^targets:/,$d' ringback-google.yaml >"$DIR/ringback.yaml"
cat >>"$DIR/ringback.yaml" <<CONF
targets:
  - { type: csv_sheet, path: missed-calls.csv }
  - { type: caldav_calendar, url: "http://127.0.0.1:$PORT/office/callbacks/", username: office, password_file: password }
state: state.sqlite
rejects: rejects.csv
status: status.csv
CONF

requests() { grep -ac "request for" "$DIR/radicale.log" || true; }
count() { grep -aE " (PUT|REPORT|PROPFIND|DELETE|GET) request for" "$DIR/radicale.log" | sed -E 's/.* (PUT|REPORT|PROPFIND|DELETE|GET) request for.*/\1/' | sort | uniq -c | tr '\n' ' '; }
sync() { "$RINGBACK" sync --config "$DIR/ringback.yaml" --now "$NOW" --quiet >>"$DIR/sync.log" 2>&1 || [ $? = 6 ]; }

: >"$DIR/radicale.log"
start=$(date +%s.%N); sync; first_time=$(echo "$(date +%s.%N) - $start" | bc)
first=$(count); cp "$DIR/radicale.log" "$DIR/radicale.log.1"; : >"$DIR/radicale.log"
sync
nochange=$(count); : >"$DIR/radicale.log"
events=$(ls "$DIR/collections/collection-root/office/callbacks" | grep -c '\.ics$')
# 20 leads change: each of 20 open leads gets one more missed call an hour before the run.
python3 - "$DIR/missed-calls.csv" "$DIR/changes/changes.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
open_leads = [r for r in rows if r["Status"] == "New missed call"]
with open(sys.argv[2], "w") as f:
    f.write("sid,parent_call_sid,start_time,from,to,direction,status,answered_by,duration,caller_name\n")
    for i, r in enumerate(open_leads[:20]):
        number = "+" + "".join(c for c in r["Phone"].lstrip("'") if c.isdigit())
        f.write('CB%030d,,"Sat, 31 Oct 2026 19:%02d:00 +0000",%s,+15125550100,inbound,no-answer,,0,\n' % (i, i, number))
PY
sync
changed=$(count); : >"$DIR/radicale.log"
sync; : >"$DIR/radicale.log"
runs=5; start=$(date +%s.%N)
for _ in $(seq 1 $runs); do sync; done
nochange_time=$(echo "($(date +%s.%N) - $start) / $runs" | bc -l)
check=$(printf 'bench-password\n' | /usr/bin/python3 ../Tests/RingbackCalDAVTests/Scripts/read_with_caldav.py "http://127.0.0.1:$PORT/office/callbacks/" office |
  python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r["events"]), "events read,", len(r["problems"]), "problems")')

cat >caldav-results.md <<MD
# CalDAV benchmark (bench/caldav.sh)

Radicale $(radicale --version) on loopback, $RECORDS generated Twilio records, \`--now $NOW\`; $events events in the calendar after the first sync.

| run | requests to the server |
| --- | --- |
| first sync | $first |
| no change | $nochange |
| 20 leads changed | $changed |

- First sync wall time: $(printf '%.2f' "$first_time") s.
- No-change sync (mean of $runs): $(printf '%.3f' "$nochange_time") s.
- python3-caldav reading the calendar back: $check.
MD
cat caldav-results.md
