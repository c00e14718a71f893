"""Reads a CalDAV calendar with python3-caldav, as another client would, and checks every event.

Usage: read_with_caldav.py URL USERNAME  (the password on standard input)
Prints one JSON object: the events found (uid, summary, start, status) and the problems seen.
"""
import json
import sys

import caldav
import icalendar


def main() -> int:
    url, username = sys.argv[1], sys.argv[2]
    password = sys.stdin.readline().rstrip("\n")
    client = caldav.DAVClient(url=url, username=username, password=password)
    calendar = caldav.Calendar(client=client, url=url)
    events, problems = [], []
    for resource in calendar.events():
        parsed = icalendar.Calendar.from_ical(resource.data)
        for component in parsed.walk("VEVENT"):
            uid = str(component.get("UID", ""))
            for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"):
                if component.get(required) is None:
                    problems.append(f"{uid or resource.url}: no {required}")
            start, end = component.decoded("DTSTART"), component.decoded("DTEND")
            if end < start:
                problems.append(f"{uid}: ends before it starts")
            events.append({
                "uid": uid,
                "summary": str(component.get("SUMMARY")),
                "start": start.isoformat(),
                "status": str(component.get("STATUS", "")),
                "lead": str(component.get("X-RINGBACK-LEAD-ID", "")),
            })
    print(json.dumps({"events": events, "problems": problems}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
