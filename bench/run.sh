#!/usr/bin/env bash
# One million Twilio-shaped call records: Ringback's whole pipeline (read, normalise, group legs,
# build leads, classify, plan against an empty CSV target) beside Python's csv module and mlr on the
# same file. Wall time from hyperfine, peak memory from /usr/bin/time -v. Writes bench/results.md.
set -euo pipefail
cd "$(dirname "$0")"
RECORDS=${RECORDS:-1000000}
RUNS=${RUNS:-3}
DATA=data/twilio-1m.csv
RINGBACK=../.build/release/ringback
mkdir -p data
if [ ! -s "$DATA" ] || [ "$(($(wc -l <"$DATA") - 1))" != "$RECORDS" ]; then
  echo "Generating $RECORDS records into bench/$DATA ..."
  python3 generate_twilio_csv.py "$DATA" "$RECORDS"
fi
rm -rf data/out
size_mb=$(( $(stat -c %s "$DATA") / 1000000 ))

ringback_cmd="$RINGBACK sync --config ringback.yaml --dry-run --quiet --now 2026-11-01T00:00:00Z"
python_cmd="python3 peer_count_unanswered.py $DATA"
mlr_cmd="mlr --icsv --ojson filter '\$status == \"no-answer\" || \$status == \"busy\" || \$status == \"failed\" || \$status == \"canceled\"' then count $DATA"

hyperfine --warmup 1 --runs "$RUNS" --export-json data/hyperfine.json \
  -n ringback "$ringback_cmd" -n python-csv "$python_cmd" -n mlr "$mlr_cmd"

peak() { /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}'; }
declare -A rss
rss[ringback]=$(peak "$ringback_cmd")
rss[python-csv]=$(peak "$python_cmd")
rss[mlr]=$(peak "$mlr_cmd")

{
  echo "# Benchmark: $RECORDS Twilio-shaped call records (${size_mb} MB)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)."
  echo
  echo "| command | mean wall time (s) | min (s) | max (s) | peak memory (MB) |"
  echo "| --- | --- | --- | --- | --- |"
  python3 - "$RUNS" <<'PY' | while IFS='|' read -r name mean lo hi; do echo "| $name | $mean | $lo | $hi | ${rss[$name]} |"; done
import json, sys
for r in json.load(open("data/hyperfine.json"))["results"]:
    print("%s|%.2f|%.2f|%.2f" % (r["command"], r["mean"], r["min"], r["max"]))
PY
  echo
  echo "- ringback: \`$ringback_cmd\`"
  echo "- python-csv: \`$python_cmd\`"
  echo "- mlr: \`$mlr_cmd\`"
} > results.md
cat results.md
