#!/usr/bin/env python3
"""Summarizes artifacts/page-timings.csv (page shape, server ms, post ms, cold|warm) written by the browser tests:
medians and 95th percentiles over every page load and every form post, the same without each fresh server's first
request (cold: start-up work, not what a person meets on a running server), and the slowest pages."""
import csv
import sys
from collections import defaultdict


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


pages, posts, warm, cold = defaultdict(list), [], defaultdict(list), []
with open(sys.argv[1], newline="") as f:
    for row in csv.reader(f):
        shape, server, post = row[:3]
        pages[shape].append(float(server))
        if len(row) > 3 and row[3] == "cold":
            cold.append(float(server))
        else:
            warm[shape].append(float(server))
        if post:
            posts.append(float(post))

loads = [v for values in pages.values() for v in values]
print(f"page loads: {len(loads)} of {len(pages)} pages; median {pct(loads, 50):.0f} ms, p95 {pct(loads, 95):.0f} ms, max {max(loads):.0f} ms")
warm_loads = [v for values in warm.values() for v in values]
if warm_loads and cold:
    print(f"  on a running server (without {len(cold)} first requests of a fresh server, median {pct(cold, 50):.0f} ms): median {pct(warm_loads, 50):.0f} ms, p95 {pct(warm_loads, 95):.0f} ms")
if posts:
    print(f"form posts: {len(posts)}; median {pct(posts, 50):.0f} ms, p95 {pct(posts, 95):.0f} ms, max {max(posts):.0f} ms")
print("slowest pages on a running server by p95 (loads, median, p95):")
for shape, values in sorted(warm.items(), key=lambda kv: -pct(kv[1], 95))[:8]:
    print(f"  {shape}: {len(values)}, {pct(values, 50):.0f} ms, {pct(values, 95):.0f} ms")
