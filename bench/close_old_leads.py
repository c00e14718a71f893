#!/usr/bin/env python3
"""The office working its list: every open lead whose first call is before CUTOFF gets a closing
Status, as typed in a spreadsheet. usage: close_old_leads.py SHEET.csv CUTOFF(YYYY-MM-DD)"""
import csv
import sys

path, cutoff = sys.argv[1], sys.argv[2]
with open(path, newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
header = rows[0]
status, timestamp = header.index("Status"), header.index("Timestamp")
closing = {"New missed call", "Awaiting reply", "Qualified", "Staff review"}
for row in rows[1:]:
    if row[status] in closing and row[timestamp] < cutoff:
        row[status] = "Closed - not a fit"
with open(path, "w", newline="", encoding="utf-8-sig") as f:
    csv.writer(f).writerows(rows)
