#!/usr/bin/env bash
# The weekly review on four generated weeks: syncs the days one by one (twice a day, as cron would),
# then times `ringback report` for the last full week and compares its figures with the generator's
# own count. Writes bench/review-results.md. Run after `swift build -c release --product ringback`.
set -euo pipefail
cd "$(dirname "$0")/.."
RINGBACK=${RINGBACK:-.build/release/ringback}
[ -x "$RINGBACK" ] || RINGBACK=.build/debug/ringback
CALLS_PER_DAY=${CALLS_PER_DAY:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r samples mappings "$work/"
python3 bench/generate_review_weeks.py "$work/gen" --calls-per-day "$CALLS_PER_DAY" >/dev/null
mkdir -p "$work/samples/exports/generated"
python3 - "$work/samples/ringback.yaml" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
start, end = s.index("sources:\n"), s.index("mappings_dir:")
s = s[:start] + "sources:\n  - name: callrail\n    mapping: callrail-calls-json\n    files: exports/generated/*.json\n    stale_after_hours: 0\n\n" + s[end:]
open(p, "w").write(s)
PY
syncs=0
for day in $(ls "$work/gen" | sed -n 's/^calls-\(.*\)\.json$/\1/p' | sort); do
  cp "$work/gen/calls-$day.json" "$work/samples/exports/generated/"
  for at in 18:00:00Z 23:30:00Z; do   # noon and half past five in Austin
    "$RINGBACK" sync --config "$work/samples/ringback.yaml" --quiet --now "${day}T$at" >/dev/null 2>&1 || [ $? -eq 6 ]
    syncs=$((syncs + 1))
  done
done
week=2026-11-16
report=("$RINGBACK" report --config "$work/samples/ringback.yaml" --week "$week" --now 2026-11-23T14:00:00Z)
"${report[@]}" >/dev/null
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 10 --export-json "$work/time.json" "${report[*]}" >/dev/null
  wall=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{r['mean']*1000:.0f} ms ± {r['stddev']*1000:.0f} ms\")" "$work/time.json")
else
  start=$(date +%s%N); "${report[@]}" >/dev/null; wall="$(( ($(date +%s%N) - start) / 1000000 )) ms (one run)"
fi
calls=$(python3 -c "import json,glob; print(sum(len(json.load(open(f))['calls']) for f in glob.glob('$work/gen/calls-*.json')))")
python3 - "$work/out/weekly-review.csv" "$work/gen/expected.json" "$week" "$wall" "$calls" "$syncs" "$RINGBACK" > bench/review-results.md <<'PY'
import csv, json, sys
review, expected, week, wall, calls, syncs, binary = sys.argv[1:]
rows = {r[0]: r for r in csv.reader(open(review, encoding="utf-8-sig")) if r}
exp = json.load(open(expected))
def count(text): return int(text.split(" ")[0]) if text[0].isdigit() else None
def parts(text):  # "86 % (6 of 7)" -> (6, 7)
    inner = text[text.index("(") + 1:text.index(")")].split(" of ")
    return int(inner[0]), int(inner[1])
print(f"# Weekly review on four generated weeks\n")
print(f"{calls} generated calls (bench/generate_review_weeks.py, {int(calls)//28} a day on average), synced day by day: {syncs} runs of `ringback sync`.")
print(f"`ringback report --week {week}` ({binary}): **{wall}** wall (hyperfine, 10 runs).\n")
print("| figure | week | Ringback's report | independent count (generator) | match |")
print("| --- | --- | --- | --- | --- |")
ok = True
for label, col, prev in [(week, 1, False), ("previous week", 2, True)]:
    key = week if not prev else sorted(k for k in exp if k < week)[-1]
    e = exp[key]
    got_captured = count(rows["Missed calls captured"][col])
    missed, inbound = parts(rows["Missed-call rate"][col])
    for name, got, want in [("missed calls captured", got_captured, e["missed_calls_captured"]),
                            ("missed calls in business hours", missed, e["missed_in_hours"]),
                            ("inbound calls in business hours", inbound, e["inbound_in_hours"])]:
        ok &= got == want
        print(f"| {name} | {key} | {got} | {want} | {'yes' if got == want else '**no**'} |")
print()
print("Every measure of the reported week as the report gives it:\n")
print("| measure | this week | last week |")
print("| --- | --- | --- |")
for name in ["Missed calls captured", "Reply rate", "Qualified leads", "Booked jobs", "Staff review rate",
             "Time to owner assignment (median)", "Owner assigned within the SLA", "No-response closures",
             "Bad routing notes", "Missed-call rate", "Lead-to-booking rate"]:
    print(f"| {name} | {rows[name][1]} | {rows[name][2]} |")
sys.exit(0 if ok else 1)
PY
cat bench/review-results.md
