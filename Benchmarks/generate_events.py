#!/usr/bin/env python3
"""Deterministic generator of the W1-W5 input of performance-anchors.md (events_*.csv).

Usage: generate_events.py ROWS OUTPUT.csv   (seeded; the same ROWS always gives the same bytes,
and the first 1M rows of a 10M file equal the 1M file).

Schema (header row, ',' delimiter, '"' quote, RFC 4180 doubled quotes, '\n' rows):
order_id bigint, customer_id bigint, country string (50 values, Zipf-like), category string
(20 values), event_time timestamp 'YYYY-MM-DDTHH:MM:SS.fff' in 2025, quantity int (1..20),
unit_price double (2 decimals), discount double (~5% empty = null), note string (~25% empty,
~2% quoted with embedded ',' '""' and a line break).
"""
import random
import sys

COUNTRIES = [
    "United States", "Germany", "France", "Japan", "Brazil", "India", "Canada", "Australia",
    "United Kingdom", "Italy", "Spain", "Mexico", "South Korea", "Netherlands", "Sweden",
    "Switzerland", "Poland", "Belgium", "Austria", "Norway", "Denmark", "Finland", "Ireland",
    "Portugal", "Greece", "Czechia", "Hungary", "Romania", "Turkey", "Israel", "Egypt",
    "South Africa", "Nigeria", "Kenya", "Argentina", "Chile", "Colombia", "Peru", "China",
    "Singapore", "Malaysia", "Thailand", "Vietnam", "Indonesia", "Philippines", "New Zealand",
    "Saudi Arabia", "United Arab Emirates", "Ukraine", "Iceland",
]
CATEGORIES = [
    "electronics", "books", "clothing", "home", "garden", "toys", "sports", "beauty", "grocery",
    "automotive", "music", "movies", "health", "office", "pets", "jewelry", "shoes", "tools",
    "baby", "games",
]
WORDS = ["fast", "gift", "wrap", "please", "fragile", "call", "before", "delivery", "door",
         "left", "side", "thanks", "urgent", "weekend", "note"]


def main():
    rows = int(sys.argv[1])
    path = sys.argv[2]
    rng = random.Random(20261122)
    weights = [1.0 / (k + 1) for k in range(len(COUNTRIES))]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    start = 1735689600  # 2025-01-01T00:00:00Z
    span_ms = 365 * 86400 * 1000
    out = open(path, "w", newline="")
    write = out.write
    write("order_id,customer_id,country,category,event_time,quantity,unit_price,discount,note\n")
    buf = []
    import bisect
    import datetime
    epoch = datetime.datetime(1970, 1, 1)
    for i in range(rows):
        order_id = 10_000_000 + i
        customer_id = rng.randrange(1, 5_000_000)
        country = COUNTRIES[bisect.bisect_left(cumulative, rng.random() * total)]
        category = CATEGORIES[rng.randrange(len(CATEGORIES))]
        ms = rng.randrange(span_ms)
        if i == rows - 1:
            ms = span_ms - 1  # the maximum: 2025-12-31T23:59:59.999
        t = epoch + datetime.timedelta(milliseconds=start * 1000 + ms)
        event_time = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (t.microsecond // 1000)
        quantity = rng.randrange(1, 21)
        unit_price = "%.2f" % (rng.randrange(100, 100_000) / 100)
        discount = "" if rng.random() < 0.05 else "%.2f" % (rng.randrange(0, 3000) / 100)
        r = rng.random()
        if r < 0.25:
            note = ""
        elif r < 0.27:
            a, b = rng.choice(WORDS), rng.choice(WORDS)
            note = '"%s, ""%s""\n%s"' % (a, b, rng.choice(WORDS))
        else:
            note = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 7)))
        buf.append(f"{order_id},{customer_id},{country},{category},{event_time},{quantity},{unit_price},{discount},{note}\n")
        if len(buf) >= 10000:
            write("".join(buf))
            buf.clear()
    write("".join(buf))
    out.close()


if __name__ == "__main__":
    main()
