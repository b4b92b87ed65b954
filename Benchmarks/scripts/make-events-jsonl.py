#!/usr/bin/env python3
"""JSON Lines form of the events CSV (performance-anchors.md), for the JSON reader's benchmark.

Usage: make-events-jsonl.py EVENTS.csv OUTPUT.jsonl

One object per line with the 9 columns under their CSV names, in CSV order: integers as JSON
numbers, unit_price and discount as JSON numbers (discount null when empty), event_time as the
CSV's 'YYYY-MM-DDTHH:MM:SS.fff' string, note a JSON string (null when empty; the quoted notes keep
their ',', '"' and line break, which JSON escapes). Deterministic: same CSV, same bytes.
"""
import csv
import json
import sys


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, newline="") as f, open(target, "w", newline="") as out:
        reader = csv.reader(f)
        header = next(reader)
        assert header == ["order_id", "customer_id", "country", "category", "event_time", "quantity",
                          "unit_price", "discount", "note"], header
        write = out.write
        dumps = json.dumps
        for row in reader:
            order_id, customer_id, country, category, event_time, quantity, unit_price, discount, note = row
            write('{"order_id": %s, "customer_id": %s, "country": %s, "category": %s, "event_time": "%s", '
                  '"quantity": %s, "unit_price": %s, "discount": %s, "note": %s}\n' % (
                      order_id, customer_id, dumps(country), dumps(category), event_time, quantity,
                      unit_price, discount if discount else "null", dumps(note) if note else "null"))


if __name__ == "__main__":
    main()
