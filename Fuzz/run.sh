#!/usr/bin/env bash
# Runs the libFuzzer harness over each mapping for a bounded time, seeded from the project's
# fixtures and samples. Usage: Fuzz/run.sh SECONDS MAPPING...
# New corpus entries go to Fuzz/.build/corpus/<mapping>; any crash, timeout or out-of-memory input
# is written to Fuzz/artifacts/<mapping>/ (keep it as a fixture under
# Tests/RingbackMappingTests/Fixtures/hostile/ once fixed). Exits 1 when one was found.
set -u
cd "$(dirname "$0")/.."
seconds=$1; shift
fuzzer=Fuzz/.build/debug/ringback-fuzz
fixtures=Tests/RingbackMappingTests/Fixtures

seeds() {
  case "$1" in
    freeswitch-*) echo "$fixtures/freeswitch $fixtures/hostile" ;;
    google-voice-*) echo "$fixtures/google-voice $fixtures/hostile" ;;
    twilio-*) echo "$fixtures/twilio samples/exports/twilio $fixtures/hostile" ;;
    asterisk-*) echo "$fixtures/asterisk samples/exports/asterisk" ;;
    callrail-*) echo "$fixtures/callrail samples/exports/callrail" ;;
    ringcentral-*) echo "$fixtures/ringcentral $fixtures/hostile" ;;
    aircall-*) echo "$fixtures/aircall" ;;
  esac
  echo "$fixtures/garbage"
}

found=0
printf '| mapping | seconds | executions | crashes, timeouts, out of memory |\n| --- | --- | --- | --- |\n'
for mapping in "$@"; do
  corpus=Fuzz/.build/corpus/$mapping artifacts=Fuzz/artifacts/$mapping
  mkdir -p "$corpus" "$artifacts"
  log=Fuzz/.build/fuzz-$mapping.log
  # shellcheck disable=SC2046
  RINGBACK_FUZZ_MAPPING=$mapping "$fuzzer" "$corpus" $(seeds "$mapping") \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" \
    -print_final_stats=1 >"$log" 2>&1
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  bad=$(find "$artifacts" -type f | wc -l)
  [ "$bad" -gt 0 ] && found=1
  printf '| %s | %s | %s | %s |\n' "$mapping" "$seconds" "${runs:-?}" "$bad"
done
exit $found
