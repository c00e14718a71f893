#!/usr/bin/env bash
# Ringback against a flaky Google: a first sync of FLAKY_RECORDS Twilio-shaped records (3,000 by default) into a
# fresh release-built emulator, fault-free and then with 30 % of API requests failing in each way the emulator
# can fail them (429 without Retry-After, 503, a dropped connection, a stalled response); then FLAKY_BIG_RECORDS
# (30,000) with 20 % mixed faults. Each case syncs until a run succeeds and reports wall time and CPU time
# (user + sys, from /usr/bin/time -f) over all its runs. Writes bench/flaky-results.md.
set -euo pipefail
cd "$(dirname "$0")"
RECORDS=${FLAKY_RECORDS:-3000}
BIG_RECORDS=${FLAKY_BIG_RECORDS:-30000}
# Each case runs once per seed of the emulator's fault choices; the table gives the range over them.
SEEDS=${FLAKY_SEEDS:-7 8 9}
NOW=2026-10-31T20:00:00Z
RINGBACK=${FLAKY_RINGBACK:-../.build/release/ringback}
EMULATOR=${FLAKY_EMULATOR:-../.build/release/ringback-emulator}
ROOT=data/flaky
mkdir -p data "$ROOT"
for n in "$RECORDS" "$BIG_RECORDS"; do
  if [ ! -s "data/twilio-flaky-$n.csv" ] || [ "$(($(wc -l <"data/twilio-flaky-$n.csv") - 1))" != "$n" ]; then
    python3 generate_twilio_csv.py "data/twilio-flaky-$n.csv" "$n" 11
  fi
done
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

EPID=""
trap '[ -z "$EPID" ] || kill "$EPID" 2>/dev/null || true' EXIT

# run_case NAME RECORDS RATE KINDS SEED: a fresh emulator and state, syncs until one succeeds (40 runs at most).
# Prints "runs wall cpu requests ok".
run_case() {
  local name=$1 records=$2 rate=$3 kinds=$4 seed=$5 dir="$ROOT/$1-$5" port
  rm -rf "$dir" && mkdir -p "$dir/changes"
  port=$(free_port)
  sed "s#http://127.0.0.1:PORT#http://127.0.0.1:$port#; s#files: data/twilio-google.csv#files: ../../twilio-flaky-$records.csv#; s#files: data/google/changes/\*.csv#files: changes/*.csv#" ringback-google.yaml >"$dir/ringback.yaml"
  sed -i "s#credentials: data/google/#credentials: #; s#state: data/google/#state: #; s#rejects: data/google/#rejects: #; s#mappings_dir: \.\./mappings#mappings_dir: ../../../../mappings#; s#^google:#google:\n  timeout_seconds: 2#" "$dir/ringback.yaml"
  "$EMULATOR" --port "$port" --service-account-file "$dir/service-account.json" --fault-rate "$rate" --faults "$kinds" \
    --stall-seconds 3 --seed "$seed" --spreadsheet bench-sheet --calendar bench-office --calendar bench-oncall >"$dir/emulator.log" 2>&1 &
  EPID=$!
  for _ in $(seq 1 100); do grep -q "listening on" "$dir/emulator.log" && break; sleep 0.1; done
  local runs=0 wall=0 cpu=0 ok=no
  while [ $runs -lt 40 ]; do
    runs=$((runs + 1))
    if /usr/bin/time -f "%e %U %S" -o "$dir/time-$runs.txt" "$RINGBACK" sync --config "$dir/ringback.yaml" --now "$NOW" --quiet >>"$dir/runs.log" 2>&1; then
      ok=yes
    fi
    read -r e u s < <(tail -n 1 "$dir/time-$runs.txt")
    wall=$(echo "$wall + $e" | bc); cpu=$(echo "$cpu + $u + $s" | bc)
    [ $ok = no ] || break
  done
  local requests
  requests=$(curl -s "http://127.0.0.1:$port/emulator/stats" | python3 -c 'import json, sys; print(sum(v for k, v in json.load(sys.stdin).items() if not k.startswith("calendar.events.")))')
  kill "$EPID" 2>/dev/null || true; wait "$EPID" 2>/dev/null || true; EPID=""
  echo "$runs $wall $cpu $requests $ok"
}

ALL=tooManyRequests,unavailable,droppedConnection,stalledResponse
for seed in $SEEDS; do
  echo "fault-free|$RECORDS|0|$(run_case clean "$RECORDS" 0 "$ALL" "$seed")"
  echo "429 (no Retry-After)|$RECORDS|0.3|$(run_case too-many "$RECORDS" 0.3 tooManyRequests "$seed")"
  echo "503|$RECORDS|0.3|$(run_case unavailable "$RECORDS" 0.3 unavailable "$seed")"
  echo "dropped connection|$RECORDS|0.3|$(run_case dropped "$RECORDS" 0.3 droppedConnection "$seed")"
  echo "stalled response (3 s, 2 s timeout)|$RECORDS|0.3|$(run_case stalled "$RECORDS" 0.3 stalledResponse "$seed")"
  echo "fault-free|$BIG_RECORDS|0|$(run_case big-clean "$BIG_RECORDS" 0 "$ALL" "$seed")"
  echo "mixed (all four kinds)|$BIG_RECORDS|0.2|$(run_case big-mixed "$BIG_RECORDS" 0.2 "$ALL" "$seed")"
done >"$ROOT/summary.txt"

python3 - "$ROOT/summary.txt" "$SEEDS" <<'PY' >flaky-results.md
import sys
cases = {}
for line in open(sys.argv[1]):
    if not line.strip():
        continue
    name, records, rate, result = line.rstrip("\n").split("|")
    runs, wall, cpu, requests, ok = result.split()
    cases.setdefault((name, records, rate), []).append((int(runs), float(wall), float(cpu), int(requests), ok == "yes"))
seeds = sys.argv[2].split()
def span(values, fmt):
    lo, hi = min(values), max(values)
    return fmt % lo if fmt % lo == fmt % hi else (fmt % lo) + "–" + (fmt % hi)
print("# Ringback against a flaky Google emulator")
print()
print("A first sync into a fresh release-built emulator on a free loopback port, repeated until a run succeeds")
print("(`bench/flaky.sh`), once for each of the emulator's fault seeds %s; each cell gives the range over the" % ", ".join(seeds))
print("seeds. Wall and CPU time (user + sys, `/usr/bin/time -f`) are summed over the runs of a case. The client")
print("timeout is 2 s; a stalled response hangs 3 s before the emulator closes it. The ratios compare the mean")
print("with the mean of the fault-free sync of the same records.")
print()
print("| faults | records | rate | runs | wall s | CPU s | HTTP requests | all succeeded | wall / fault-free | CPU / fault-free |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
base = {}
for (name, records, rate), results in cases.items():
    mean_wall = sum(r[1] for r in results) / len(results)
    mean_cpu = sum(r[2] for r in results) / len(results)
    if name == "fault-free":
        base[records] = (mean_wall, mean_cpu)
    bw, bc = base.get(records, (mean_wall, mean_cpu))
    print("| %s | %s | %d %% | %s | %s | %s | %s | %s | %.1f× | %.1f× |" % (
        name, f"{int(records):,}", round(float(rate) * 100), span([r[0] for r in results], "%d"),
        span([r[1] for r in results], "%.2f"), span([r[2] for r in results], "%.2f"), span([r[3] for r in results], "%d"),
        "yes" if all(r[4] for r in results) else "no", mean_wall / max(bw, 0.01), mean_cpu / max(bc, 0.01)))
PY
cat flaky-results.md
