#!/usr/bin/env python3
"""Four weeks of calls for the weekly review benchmark, as CallRail calls.json pages (one per day).

Seeded, so every run makes the same data. Also writes expected.json: per week (Monday, Central time)
the figures computed here independently of Ringback's rules:
  missed_calls_captured  unanswered inbound calls from outside numbers (every one becomes or joins a lead)
  inbound_in_hours       inbound calls from outside numbers while the office is open
  missed_in_hours        of those, the unanswered ones
usage: generate_review_weeks.py OUT_DIR [--days 28] [--calls-per-day 60] [--end 2026-11-20]
"""
import argparse, datetime as dt, json, os, random
from zoneinfo import ZoneInfo

CENTRAL = ZoneInfo("America/Chicago")
HOURS = {0: (7, 18), 1: (7, 18), 2: (7, 18), 3: (7, 18), 4: (7, 18), 5: (8, 12)}  # Sunday closed
VOICEMAILS = [
    "Hi, this is Maria, the water heater is leaking in the garage, 78704. Please call back.",
    "Hello, I would like an estimate for a bathroom remodel, we are at 78745.",
    "This is Ken, the AC is not cooling at all, can someone come today? 78751.",
    "I smell gas in the kitchen, please call right away, 78702.",
    "Hi, calling about a drain that keeps backing up, 78723, anytime after three.",
    "This is a reminder about your Google listing, press one to verify.",
    "Just wanted to ask about maintenance for my furnace, 78731.",
]

def in_hours(local):
    span = HOURS.get(local.weekday())
    return span is not None and span[0] <= local.hour + local.minute / 60 < span[1]

def call(idx, when, number, direction, answered, voicemail, text, name):
    return {
        "id": f"CALBENCH{idx:08d}", "answered": answered, "business_phone_number": "+15125550100",
        "customer_name": name, "customer_phone_number": number, "direction": direction,
        "duration": 90 if answered else (35 if voicemail else 4), "start_time": when.isoformat(timespec="milliseconds"),
        "tracking_phone_number": "+15125550101", "voicemail": voicemail, "source": "Google Business Profile",
        "transcription": text if voicemail else None,
    }

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--days", type=int, default=28)
    ap.add_argument("--calls-per-day", type=int, default=60)
    ap.add_argument("--end", default="2026-11-20")
    a = ap.parse_args()
    rng = random.Random(20261120)
    os.makedirs(a.out, exist_ok=True)
    end = dt.date.fromisoformat(a.end)
    expected, idx = {}, 0
    callers = [f"+1737555{n:04d}" for n in range(a.calls_per_day * a.days)]
    for offset in range(a.days - 1, -1, -1):
        day = end - dt.timedelta(days=offset)
        monday = (day - dt.timedelta(days=day.weekday())).isoformat()
        week = expected.setdefault(monday, {"missed_calls_captured": 0, "inbound_in_hours": 0, "missed_in_hours": 0})
        calls = []
        for _ in range(a.calls_per_day if day.weekday() < 5 else a.calls_per_day // 3):
            idx += 1
            minute = rng.randrange(6 * 60, 21 * 60)
            local = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=CENTRAL)
            number = rng.choice(callers)
            answered = rng.random() < 0.6
            voicemail = not answered and rng.random() < 0.5
            calls.append(call(idx, local, number, "inbound", answered, voicemail, rng.choice(VOICEMAILS), f"Caller {idx}"))
            if not answered:
                week["missed_calls_captured"] += 1
            if in_hours(local):
                week["inbound_in_hours"] += 1
                week["missed_in_hours"] += 0 if answered else 1
            if not answered and rng.random() < 0.5:
                idx += 1
                back = local + dt.timedelta(minutes=rng.randrange(20, 240))
                if back.date() == day:
                    calls.append(call(idx, back, number, "outbound", rng.random() < 0.6, False, None, f"Caller {idx}"))
        calls.sort(key=lambda c: c["start_time"])
        page = {"page": 1, "per_page": len(calls), "total_pages": 1, "total_records": len(calls), "calls": calls}
        with open(os.path.join(a.out, f"calls-{day.isoformat()}.json"), "w") as f:
            json.dump(page, f)
    with open(os.path.join(a.out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
    print(f"{idx} calls over {a.days} days in {a.out}")

if __name__ == "__main__":
    main()
