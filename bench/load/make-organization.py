#!/usr/bin/env python3
"""Writes a large, seeded organization file for the load benchmark: 1,000 controls, 5,000 evidence records and
2,000 entered results over the shipped catalogs. Standard library only; reads requirement ids from content/."""
import random
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
ids = []
for framework in ("iso27001-2022", "iso42001-2023", "hs", "nist-ai-rmf-1.0"):
    text = (root / "content" / "frameworks" / f"{framework}.yaml").read_text()
    ids += [f"{framework}:{ref}" for ref in re.findall(r'^  - ref: "?([^"\n]+?)"?\s*$', text, re.M)]

rng = random.Random(42)
statuses = ["implemented"] * 6 + ["in_progress", "planned", "not_applicable"]
# Not applicable is decided on a Statement of Applicability, never as an entered result (the import refuses it).
results = ["satisfied", "partially_satisfied", "not_satisfied"]
out = ["organization:", "  name: Load Test Industries", "  employees: 1200", "assessment:", "  teamCapacityFte: 3", "controls:"]
for c in range(1000):
    out.append(f"  - id: C-{c:04d}")
    out.append(f"    name: Load control {c}")
    out.append(f"    owner: Owner {c % 17}")
    out.append(f"    status: {rng.choice(statuses)}")
    out.append(f"    satisfies: [{', '.join(sorted(set(rng.sample(ids, rng.randint(1, 4)))))}]")
    out.append("    evidence:")
    for e in range(5):
        out.append(f"      - title: Evidence record {c}-{e}")
        out.append(f"        date: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
out.append("results:")
for requirement in rng.sample(ids, min(2000, len(ids))):
    out.append(f"  - requirement: {requirement}")
    out.append(f"    result: {rng.choice(results)}")
    out.append("    reason: Entered for the load benchmark.")
sys.stdout.write("\n".join(out) + "\n")
