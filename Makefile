# Ringback: `make run` (offline sync of the bundled samples into out/) and `make test` (the whole suite).
# Both install what they need first: Debian packages with apt-get, Swift packages through SwiftPM.

SWIFT ?= swift
SAMPLE_NOW ?= 2026-11-20T23:00:00Z
# Build and run: FoundationNetworking and FoundationXML need libcurl and libxml2; GRDB needs SQLite.
BUILD_PACKAGES = libcurl4-openssl-dev libxml2-dev libsqlite3-dev
# Tests check the ICS file with real parsers, open the CSV with LibreOffice as the office would, render
# the weekly review's HTML page in headless Chromium, and sync to a real CalDAV server (Radicale) whose
# calendar python3-caldav reads back.
TEST_PACKAGES = python3 python3-vobject python3-icalendar libreoffice-calc-nogui chromium radicale python3-caldav
# Benchmark peers and the peak-memory meter.
BENCH_PACKAGES = python3 miller hyperfine time curl bc radicale python3-caldav
# The Google demo talks to the emulator's admin paths with curl and prints with Python.
DEMO_PACKAGES = curl python3

.PHONY: run eval test bench bench-google demo-google build deps-build deps-test deps-bench fuzz format clean

define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

deps-build:
	$(call apt_install,$(BUILD_PACKAGES))

deps-test: deps-build
	$(call apt_install,$(TEST_PACKAGES))

deps-bench: deps-build
	$(call apt_install,$(BENCH_PACKAGES))

build: deps-build
	$(SWIFT) build

# The samples are a week of calls ending Friday 2026-11-20; the run pretends it is that evening.
run: build
	.build/debug/ringback validate --config samples/ringback.yaml
	.build/debug/ringback sync --config samples/ringback.yaml --now $(SAMPLE_NOW)
	@echo "Wrote out/missed-calls.csv, out/callbacks.ics, out/rejects.csv (state: out/ringback-state.sqlite)"

# The rules against every labelled set in eval/: a table of all, then per set accuracy per field,
# emergencies, the caller-type confusion matrix and the misses. EVAL_SETS picks some: make eval EVAL_SETS=eval/blind-3.jsonl
EVAL_SETS ?= $(wildcard eval/*.jsonl)
eval: build
	.build/debug/ringback eval --config samples/ringback.yaml $(EVAL_SETS)

# The same sync against the local Google emulator: a Google Sheet and two calendars, no account needed.
# Starts ringback-emulator on DEMO_PORT, syncs (a dry run first, then for real, then again: no changes),
# prints the sheet as the office would see it, and stops the emulator.
DEMO_PORT ?= 8089
demo-google: build
	$(call apt_install,$(DEMO_PACKAGES))
	bash scripts/demo-google.sh $(DEMO_PORT) $(SAMPLE_NOW)

test: deps-test
	RINGBACK_REQUIRE_LIBREOFFICE=1 RINGBACK_REQUIRE_CHROMIUM=1 RINGBACK_REQUIRE_RADICALE=1 $(SWIFT) test

bench: deps-bench
	$(SWIFT) build -c release --product ringback
	$(SWIFT) build -c release --product ringback-emulator
	bash bench/run.sh
	bash bench/google.sh
	bash bench/flaky.sh
	bash bench/review.sh
	bash bench/caldav.sh
	bash bench/delta.sh

# Requests per sync and re-sync time against the emulator, for 10,000 leads (writes bench/google-results.md).
bench-google: deps-bench
	$(SWIFT) build -c release --product ringback
	$(SWIFT) build -c release --product ringback-emulator
	bash bench/google.sh

# libFuzzer over each format's mapping engine, FUZZ_SECONDS per mapping, seeded from the test
# fixtures and samples (Fuzz/ is a package of its own; see Fuzz/run.sh). Inputs that crash or hang
# land in Fuzz/artifacts/ and make this fail.
FUZZ_SECONDS ?= 60
FUZZ_MAPPINGS ?= freeswitch-xml-cdr google-voice-takeout-html twilio-calls-json twilio-calls-csv \
	asterisk-cdr-csv asterisk-cdr-custom callrail-calls-json callrail-calls-csv ringcentral-call-log-json \
	aircall-calls-json aircall-webhooks-json freeswitch-cdr-csv
fuzz: deps-build
	cd Fuzz && $(SWIFT) build -c debug -Xswiftc -sanitize=fuzzer,address --product ringback-fuzz
	bash Fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_MAPPINGS)

# Formats the code with the toolchain's swift-format and the project's .swift-format.
format:
	$(SWIFT) format format --configuration .swift-format --in-place --recursive --parallel Sources Tests Package.swift

clean:
	rm -rf .build out bench/data
