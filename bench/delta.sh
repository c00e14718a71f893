#!/usr/bin/env bash
# The nightly run on a long history: for each history size, the history is synced for real (and a
# office closes every lead older than a week, close_old_leads.py, and a second run archives them,
# which freezes them), then a new export of DELTA calls arrives
# and is synced, then a run with nothing new. Each is timed from the same saved state (hyperfine
# --prepare restores it), with peak memory from /usr/bin/time -v, twice: with `archive_after_days`
# (closed leads freeze) and without it (every lead stays live, as before leads were frozen).
# Writes bench/delta-results.md.
set -euo pipefail
cd "$(dirname "$0")"
HISTORIES=${HISTORIES:-"10000 100000 1000000"}
DELTA=${DELTA:-200}
RUNS=${RUNS:-3}
RINGBACK=$(realpath "${RINGBACK:-../.build/release/ringback}")
HISTORY_NOW=2026-11-14T12:00:00Z
ARCHIVE_NOW=2026-11-14T13:00:00Z
DELTA_NOW=2026-11-15T12:00:00Z
work=data/delta
mkdir -p data

peak() { /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}'; }
mean() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.3f ± %.3f' % (r['mean'], r['stddev'] or 0))" "$1"; }

rows=()
for history in $HISTORIES; do
  file=data/twilio-$history.csv
  [ -s "$file" ] || python3 generate_twilio_csv.py "$file" "$history"
  python3 generate_twilio_csv.py data/delta-$DELTA.csv "$DELTA" 8 2026-11-14 1
  for mode in frozen live; do
    rm -rf "$work" "$work.saved" && mkdir -p "$work/exports"
    if [ "$mode" = frozen ]; then sed 's/ARCHIVE_DAYS/7/' delta.yaml > "$work.yaml"
    else sed 's/, archive_after_days: ARCHIVE_DAYS//' delta.yaml > "$work.yaml"; fi
    sync="$RINGBACK sync --config $work.yaml --quiet"
    cp "$file" "$work/exports/history.csv"
    start=$(date +%s.%N)
    $sync --now $HISTORY_NOW >/dev/null
    python3 close_old_leads.py "$work/out/missed-calls.csv" 2026-11-07
    $sync --now $ARCHIVE_NOW >/dev/null
    history_s=$(echo "$(date +%s.%N) - $start" | bc)
    live_rows=$(($(wc -l < "$work/out/missed-calls.csv") - 1))
    archived_rows=0
    [ -f "$work/out/missed-calls-archive.csv" ] && archived_rows=$(($(wc -l < "$work/out/missed-calls-archive.csv") - 1))
    state_mb=$(( $(stat -c %s "$work/out/state.sqlite") / 1000000 ))
    cp -r "$work" "$work.saved"
    restore="rm -rf $work && cp -r $work.saved $work && cp data/delta-$DELTA.csv $work/exports/new.csv"
    delta_cmd="$sync --now $DELTA_NOW"
    hyperfine --warmup 0 --runs "$RUNS" --prepare "$restore" --export-json data/delta-run.json -n "delta" "$delta_cmd" >/dev/null
    eval "$restore"
    delta_rss=$(peak "$delta_cmd")
    nochange_cmd="$sync --now $DELTA_NOW"
    hyperfine --warmup 1 --runs "$RUNS" --export-json data/nochange-run.json -n "no change" "$nochange_cmd" >/dev/null
    nochange_rss=$(peak "$nochange_cmd")
    rows+=("| $history | $mode | $live_rows | $archived_rows | $state_mb | $(mean data/delta-run.json) | $delta_rss | $(mean data/nochange-run.json) | $nochange_rss | $(printf '%.1f' "$history_s") |")
    echo "${rows[-1]}"
  done
done

{
  echo "# Benchmark: the nightly run on a long history"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d). History: Twilio-shaped records over 30 days;"
  echo "then $DELTA new calls. \`frozen\`: \`archive_after_days: 7\` (closed leads leave the live sheet and freeze);"
  echo "\`live\`: no archive, every lead is loaded and planned each run."
  echo
  echo "| history (records) | mode | live rows | archived rows | state (MB) | delta run (s) | delta peak (MB) | no-change run (s) | no-change peak (MB) | history sync, two runs (s) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
} > delta-results.md
cat delta-results.md
