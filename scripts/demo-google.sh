#!/usr/bin/env bash
# Runs the sample sync against the local Google emulator (see `make demo-google`).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8089}
NOW=${2:-2026-11-20T23:00:00Z}
OUT=out/google-demo
BIN=.build/debug
rm -rf "$OUT" && mkdir -p "$OUT"

"$BIN/ringback-emulator" --port "$PORT" --service-account-file "$OUT/service-account.json" \
  --spreadsheet ringback-demo --calendar office@ringback.example --calendar oncall@ringback.example >"$OUT/emulator.log" 2>&1 &
EMULATOR=$!
trap 'kill $EMULATOR 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$OUT/emulator.log" 2>/dev/null && break
  kill -0 $EMULATOR 2>/dev/null || { cat "$OUT/emulator.log"; exit 1; }
  sleep 0.1
done
grep -q "listening on" "$OUT/emulator.log" || { echo "the emulator did not start"; cat "$OUT/emulator.log"; exit 1; }

CONFIG=samples/ringback-google.yaml
if [ "$PORT" != 8089 ]; then
  sed "s#http://127.0.0.1:8089#http://127.0.0.1:$PORT#" samples/ringback-google.yaml >"$OUT/ringback-google.yaml"
  sed -i "s#\.\./#$(pwd)/#g" "$OUT/ringback-google.yaml"
  CONFIG="$OUT/ringback-google.yaml"
fi

echo "== ringback validate"
"$BIN/ringback" validate --config "$CONFIG"
echo; echo "== ringback sync --dry-run (what would change; nothing is written)"
"$BIN/ringback" sync --config "$CONFIG" --now "$NOW" --dry-run --quiet
echo; echo "== ringback sync"
"$BIN/ringback" sync --config "$CONFIG" --now "$NOW" --quiet
echo; echo "== the Missed Calls tab as the office sees it (first columns)"
curl -s "http://127.0.0.1:$PORT/emulator/spreadsheets/ringback-demo/Missed%20Calls" | python3 -c '
import json, sys
rows = json.load(sys.stdin).get("values", [])
for row in rows[:16]:
    print(" | ".join((row + [""] * 16)[i][:22] for i in (0, 1, 3, 5, 14)))
print("(%d rows)" % (len(rows) - 1))'
echo; echo "== calendar events"
for cal in office@ringback.example oncall@ringback.example; do
  curl -s "http://127.0.0.1:$PORT/emulator/calendars/$cal/events" | python3 -c '
import json, sys
events = json.load(sys.stdin).get("items", [])
print("%s: %d events" % (sys.argv[1], len(events)))
for e in events[:5]:
    print("  %s  %s  %s" % (e["start"]["dateTime"], e.get("status"), e["summary"]))' "$cal"
done
echo; echo "== ringback sync again (nothing changed)"
"$BIN/ringback" sync --config "$CONFIG" --now "$NOW"
echo; echo "== requests the emulator served"
curl -s "http://127.0.0.1:$PORT/emulator/stats"; echo
