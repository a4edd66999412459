#!/usr/bin/env python3
"""Summarizes artifacts/page-timings.csv (page shape, server ms, post ms) written by the browser tests: medians and
95th percentiles over every page load and every form post, and the pages with the slowest 95th percentile."""
import csv
import sys
from collections import defaultdict


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


pages, posts = defaultdict(list), []
with open(sys.argv[1], newline="") as f:
    for shape, server, post in csv.reader(f):
        pages[shape].append(float(server))
        if post:
            posts.append(float(post))

loads = [v for values in pages.values() for v in values]
print(f"page loads: {len(loads)} of {len(pages)} pages; median {pct(loads, 50):.0f} ms, p95 {pct(loads, 95):.0f} ms, max {max(loads):.0f} ms")
if posts:
    print(f"form posts: {len(posts)}; median {pct(posts, 50):.0f} ms, p95 {pct(posts, 95):.0f} ms, max {max(posts):.0f} ms")
print("slowest pages by p95 (loads, median, p95):")
for shape, values in sorted(pages.items(), key=lambda kv: -pct(kv[1], 95))[:8]:
    print(f"  {shape}: {len(values)}, {pct(values, 50):.0f} ms, {pct(values, 95):.0f} ms")
