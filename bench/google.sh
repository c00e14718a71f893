#!/usr/bin/env bash
# Ringback against the local Google emulator with about 10,000 leads: HTTP requests per sync (first sync,
# after 100 changed leads, with no change) and the wall time of a no-change re-sync with 100 ms of latency
# added to every request. Writes bench/google-results.md.
set -euo pipefail
cd "$(dirname "$0")"
RECORDS=${GOOGLE_RECORDS:-44800}
PORT=${GOOGLE_BENCH_PORT:-8099}
NOW=2026-10-31T20:00:00Z
RINGBACK=../.build/release/ringback
EMULATOR=../.build/release/ringback-emulator
DATA=data/twilio-google.csv
mkdir -p data
if [ ! -s "$DATA" ] || [ "$(($(wc -l <"$DATA") - 1))" != "$RECORDS" ]; then
  python3 generate_twilio_csv.py "$DATA" "$RECORDS" 11
fi
rm -rf data/google data/google-faults && mkdir -p data/google/changes
sed "s#http://127.0.0.1:PORT#http://127.0.0.1:$PORT#" ringback-google.yaml >data/google/ringback-google.yaml
sed -i "s#files: data/#files: ../../data/#; s#credentials: data/google/#credentials: #; s#state: data/google/#state: #; s#rejects: data/google/#rejects: #; s#mappings_dir: \.\./mappings#mappings_dir: ../../../mappings#" data/google/ringback-google.yaml
CONFIG=data/google/ringback-google.yaml

"$EMULATOR" --port "$PORT" --service-account-file data/google/service-account.json \
  --spreadsheet bench-sheet --calendar bench-office --calendar bench-oncall >data/google/emulator.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "listening on" data/google/emulator.log && break; sleep 0.1; done

stats() { curl -s "http://127.0.0.1:$PORT/emulator/stats" >"data/google/stats-$1.json"; }
sync() { "$RINGBACK" sync --config "$CONFIG" --now "$NOW" --quiet; }

stats 0
start=$(date +%s.%N); sync; first_time=$(echo "$(date +%s.%N) - $start" | bc)
stats 1
curl -s "http://127.0.0.1:$PORT/emulator/spreadsheets/bench-sheet/Missed%20Calls" >data/google/sheet-1.json
# 100 leads change: each of 100 open leads gets one more missed call an hour before the run.
python3 - data/google/sheet-1.json data/google/changes/changes.csv <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["values"]
header = rows[0]
phone, status = header.index("Phone"), header.index("Status")
open_leads = [r for r in rows[1:] if len(r) > status and r[status] == "New missed call"]
with open(sys.argv[2], "w") as f:
    f.write("sid,parent_call_sid,start_time,from,to,direction,status,answered_by,duration,caller_name\n")
    for i, r in enumerate(open_leads[:100]):
        number = "+" + "".join(c for c in r[phone] if c.isdigit())
        f.write('CB%030d,,"Sat, 31 Oct 2026 19:%02d:00 +0000",%s,+15125550100,inbound,no-answer,,0,\n' % (i, i % 60, number))
PY
sync
stats 2
sync
stats 3
leads=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["values"]) - 1)' data/google/sheet-1.json)

curl -s -X POST -H 'Content-Type: application/json' -d '{"latency":0.1}' "http://127.0.0.1:$PORT/emulator/faults" >/dev/null
hyperfine --warmup 1 --runs 5 --export-json data/google/hyperfine.json -n "no-change re-sync, 100 ms latency" \
  "$RINGBACK sync --config $CONFIG --now $NOW --quiet"

curl -s "http://127.0.0.1:$PORT/emulator/spreadsheets/bench-sheet/Missed%20Calls" >data/google/sheet-clean.json
for cal in bench-office bench-oncall; do curl -s "http://127.0.0.1:$PORT/emulator/calendars/$cal/events" >"data/google/events-clean-$cal.json"; done

# Convergence: the same exports (changes included) against a second emulator failing 20 % of requests
# (429 without Retry-After, 503, dropped connections, 3 s stalls against a 2 s client timeout).
FPORT=$((PORT + 1))
mkdir -p data/google-faults
sed "s#127.0.0.1:$PORT#127.0.0.1:$FPORT#; s#^google:#google:\n  timeout_seconds: 2#" "$CONFIG" >data/google-faults/ringback-google.yaml
sed -i "s#\.\./\.\./data/google/changes#../google/changes#" data/google-faults/ringback-google.yaml
"$EMULATOR" --port "$FPORT" --service-account-file data/google-faults/service-account.json --fault-rate 0.2 --stall-seconds 3 --seed 5 \
  --spreadsheet bench-sheet --calendar bench-office --calendar bench-oncall >data/google-faults/emulator.log 2>&1 &
FPID=$!
trap 'kill $PID $FPID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "listening on" data/google-faults/emulator.log && break; sleep 0.1; done
runs=0; start=$(date +%s.%N)
until "$RINGBACK" sync --config data/google-faults/ringback-google.yaml --now "$NOW" --quiet >>data/google-faults/runs.log 2>&1; do
  runs=$((runs + 1)); [ $runs -lt 40 ] || break
done
runs=$((runs + 1)); fault_time=$(echo "$(date +%s.%N) - $start" | bc)
curl -s -X POST -H 'Content-Type: application/json' -d '{"rate":0}' "http://127.0.0.1:$FPORT/emulator/faults" >/dev/null
"$RINGBACK" sync --config data/google-faults/ringback-google.yaml --now "$NOW" --quiet >data/google-faults/after.log 2>&1 || true
curl -s "http://127.0.0.1:$FPORT/emulator/stats" >data/google-faults/stats.json
curl -s "http://127.0.0.1:$FPORT/emulator/spreadsheets/bench-sheet/Missed%20Calls" >data/google-faults/sheet.json
for cal in bench-office bench-oncall; do curl -s "http://127.0.0.1:$FPORT/emulator/calendars/$cal/events" >"data/google-faults/events-$cal.json"; done
echo "$runs $fault_time" >data/google-faults/summary.txt

python3 - "$leads" "$first_time" <<'PY' >google-results.md
import json, sys
leads, first_time = sys.argv[1], float(sys.argv[2])
s = [json.load(open("data/google/stats-%d.json" % i)) for i in range(4)]
def delta(a, b):
    keys = sorted(set(a) | set(b))
    return {k: b.get(k, 0) - a.get(k, 0) for k in keys if b.get(k, 0) - a.get(k, 0)}
def http(d):
    return sum(v for k, v in d.items() if not k.startswith("calendar.events."))
runs = [("first sync", delta(s[0], s[1])), ("after 100 changed leads", delta(s[1], s[2])), ("no change", delta(s[2], s[3]))]
h = json.load(open("data/google/hyperfine.json"))["results"][0]
print("# Google targets against the local emulator: %s leads" % leads)
print()
print("HTTP requests per sync (token requests included; Calendar calls inside a batch are listed but are not HTTP requests).")
print()
print("| sync | HTTP requests | by method |")
print("| --- | --- | --- |")
for name, d in runs:
    print("| %s | %d | %s |" % (name, http(d), ", ".join("%s %d" % kv for kv in d.items())))
print()
print("- First sync wall time (no latency): %.2f s." % first_time)
print("- No-change re-sync with 100 ms added to every request: mean %.3f s (min %.3f, max %.3f, %d runs, hyperfine)." % (h["mean"], h["min"], h["max"], len(h["times"])))

def rows(path):
    values = json.load(open(path))["values"]
    return values[0], sorted(tuple(r) for r in values[1:])
def events(path):
    return sorted((e["id"], e.get("status"), e["summary"], e["start"]["dateTime"]) for e in json.load(open(path))["items"])
runs, seconds = open("data/google-faults/summary.txt").read().split()
clean_header, clean_rows = rows("data/google/sheet-clean.json")
faulty_header, faulty_rows = rows("data/google-faults/sheet.json")
same_events = all(events("data/google/events-clean-%s.json" % c) == events("data/google-faults/events-%s.json" % c) for c in ("bench-office", "bench-oncall"))
ids = [r[0] for r in faulty_rows]
after = open("data/google-faults/after.log").read().strip().splitlines()
print("- 20 %% injected faults: %s runs (%.0f s) until one succeeded; %d HTTP requests in all. Sheet identical to the fault-free one: %s (%d rows, %d distinct Lead IDs); events identical: %s; a fault-free run afterwards: \"%s\"." % (
    runs, float(seconds), sum(v for k, v in json.load(open("data/google-faults/stats.json")).items() if not k.startswith("calendar.events.")),
    clean_header == faulty_header and clean_rows == faulty_rows, len(faulty_rows), len(set(ids)), same_events, after[0] if after else ""))
PY
cat google-results.md
