#!/usr/bin/env python3
"""Benchmark peer: Python's csv module reads the file and counts the unanswered rows."""
import csv
import sys

unanswered = {"no-answer", "busy", "failed", "canceled"}
count = 0
with open(sys.argv[1], newline="") as f:
    reader = csv.reader(f)
    status = next(reader).index("status")
    for row in reader:
        if row[status] in unanswered:
            count += 1
print(count)
