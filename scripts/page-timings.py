#!/usr/bin/env python3
"""Summarizes artifacts/page-timings.csv (page shape, server ms, post ms, cold|first|warm) written by the browser
tests: medians and 95th percentiles over every page load and every form post, then apart: each fresh server's first
request (cold: start-up work), the first visit of each page on a server (first: that process compiles the page's
queries and code once), and repeat visits (warm: what a person meets on a running server), with the slowest pages."""
import csv
import sys
from collections import defaultdict


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def line(label, values):
    if values:
        print(f"  {label}: {len(values)}; median {pct(values, 50):.0f} ms, p95 {pct(values, 95):.0f} ms, max {max(values):.0f} ms")


pages, posts = defaultdict(list), []
by_visit = {"cold": defaultdict(list), "first": defaultdict(list), "warm": defaultdict(list)}
with open(sys.argv[1], newline="") as f:
    for row in csv.reader(f):
        shape, server, post = row[:3]
        visit = row[3] if len(row) > 3 and row[3] in by_visit else "warm"
        pages[shape].append(float(server))
        by_visit[visit][shape].append(float(server))
        if post:
            posts.append(float(post))


def flat(groups):
    return [v for values in groups.values() for v in values]


loads = flat(pages)
print(f"page loads: {len(loads)} of {len(pages)} pages; median {pct(loads, 50):.0f} ms, p95 {pct(loads, 95):.0f} ms, max {max(loads):.0f} ms")
line("first request of a fresh server (start-up)", flat(by_visit["cold"]))
line("first visit of a page on its server", flat(by_visit["first"]))
line("repeat visits on a running server", flat(by_visit["warm"]))
if posts:
    print(f"form posts: {len(posts)}; median {pct(posts, 50):.0f} ms, p95 {pct(posts, 95):.0f} ms, max {max(posts):.0f} ms")
print("slowest pages on repeat visits by p95 (loads, median, p95):")
for shape, values in sorted(by_visit["warm"].items(), key=lambda kv: -pct(kv[1], 95))[:8]:
    print(f"  {shape}: {len(values)}, {pct(values, 50):.0f} ms, {pct(values, 95):.0f} ms")
print("slowest first visits by median (visits, median, p95):")
for shape, values in sorted(by_visit["first"].items(), key=lambda kv: -pct(kv[1], 50))[:5]:
    print(f"  {shape}: {len(values)}, {pct(values, 50):.0f} ms, {pct(values, 95):.0f} ms")
