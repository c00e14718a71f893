#!/usr/bin/env python3
"""Peer for the benchmark: Python's csv module reads the file and counts the unanswered rows."""
import csv
import sys

unanswered = {"no-answer", "busy", "failed", "canceled"}
count = 0
with open(sys.argv[1], newline="") as f:
    reader = csv.DictReader(f)
    for row in reader:
        if row["status"] in unanswered:
            count += 1
print(count)
