#!/usr/bin/env python3
"""Writes N call records (legs) in the shape of Twilio's Calls API, as CSV with the API's field names.

A forwarded inbound call is two records: the parent (inbound, usually "completed") and the
<Dial> child leg (outbound-dial) whose status says whether anyone picked up. Callers repeat, so
missed calls group into leads. Deterministic for a given seed.
usage: generate_twilio_csv.py OUT.csv [RECORDS] [SEED] [START YYYY-MM-DD] [DAYS]
"""
import random
import sys
from datetime import datetime, timedelta, timezone

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)

MAIN = "+15125550100"
TECH = "+15125550177"
callers = ["+1%d%03d%04d" % (rng.choice([512, 737, 210, 254]), rng.randint(200, 999), rng.randint(0, 9999)) for _ in range(250_000)]
start = datetime.strptime(sys.argv[4], "%Y-%m-%d").replace(tzinfo=timezone.utc) if len(sys.argv) > 4 else datetime(2026, 10, 1, tzinfo=timezone.utc)
span = int(sys.argv[5]) if len(sys.argv) > 5 else 30
columns = ["sid", "parent_call_sid", "start_time", "end_time", "from", "to",
           "direction", "status", "duration", "price", "answered_by", "caller_name"]

def rfc2822(t):
    return t.strftime("%a, %d %b %Y %H:%M:%S +0000")

seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
# Another seed numbers its calls apart from the default one's, so a later export holds new calls.
counter = (seed - 7) * 1_000_000_000
def sid():
    global counter
    counter += 1
    return "CA%032x" % (counter * 2654435761 % (1 << 128))

with open(out, "w", newline="") as f:
    f.write(",".join(columns) + "\n")
    written = 0
    while written < total:
        t = start + timedelta(seconds=rng.randint(0, span * 86400))
        caller = rng.choice(callers)
        kind = rng.random()
        rows = []
        if kind < 0.55:
            parent = sid()
            child_status = rng.choices(["completed", "no-answer", "busy", "failed", "canceled"], [55, 30, 8, 2, 5])[0]
            talk = rng.randint(30, 900) if child_status == "completed" else 0
            rows.append([parent, "", "inbound", caller, MAIN, "completed", talk + rng.randint(5, 30), t, '"%s"' % caller[2:]])
            rows.append([sid(), parent, "outbound-dial", MAIN, TECH, child_status, talk, t + timedelta(seconds=2), ""])
        elif kind < 0.8:
            status = rng.choices(["completed", "no-answer", "busy", "canceled"], [60, 30, 5, 5])[0]
            rows.append([sid(), "", "inbound", caller, MAIN, status, rng.randint(20, 600) if status == "completed" else 0, t, ""])
        else:
            status = rng.choices(["completed", "no-answer", "busy"], [50, 45, 5])[0]
            rows.append([sid(), "", "outbound-api", MAIN, caller, status, rng.randint(20, 600) if status == "completed" else 0, t, ""])
        for s, p, direction, frm, to, status, duration, when, name in rows:
            end = when + timedelta(seconds=duration + 10)
            f.write(",".join([s, p, '"%s"' % rfc2822(when), '"%s"' % rfc2822(end), frm, to,
                              direction, status, str(duration), "-%.4f" % (0.0085 * (duration // 60 + 1)), "", name]) + "\n")
            written += 1
            if written >= total:
                break
