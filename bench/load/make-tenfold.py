#!/usr/bin/env python3
"""Writes the seed of the tenfold load benchmark (issue 17 item 7): ten times today's data spread over 100
organizations, as organization files (YAML, `harmonia org import`) and risk registers (CSV, `harmonia import risks`).

Usage: make-tenfold.py OUTDIR [scale] [organizations]
  scale 1 (default) writes 10,000 controls, 50,000 evidence records, 5,000 AI systems and 50,000 risks:
  organization 000 ("Load Test Industries", the one measured) holds 1,000 controls, 5,000 evidence records,
  500 AI systems and 5,000 risks, today's large organization of bench/load/run.sh --registers; the 99 others share
  the other 9,000 controls, 45,000 evidence records, 4,500 AI systems and 45,000 risks (90 or 91 controls,
  45 or 46 AI systems, 454 or 455 risks each). A smaller scale (0.02) shrinks every count and fewer organizations
  share the rest, for trying the script.
Every organization enters a result for each requirement of the four shipped catalogs, as make-organization.py does.
Writes OUTDIR/org-NNN.yaml and OUTDIR/risks-NNN.csv and prints the totals. Standard library only.
"""
import csv
import random
import re
import sys
from pathlib import Path

out_dir = Path(sys.argv[1])
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
organizations = int(sys.argv[3]) if len(sys.argv) > 3 else 100
root = Path(__file__).resolve().parents[2]
ids = []
for framework in ("iso27001-2022", "iso42001-2023", "hs", "nist-ai-rmf-1.0"):
    text = (root / "content" / "frameworks" / f"{framework}.yaml").read_text()
    ids += [f"{framework}:{ref}" for ref in re.findall(r'^  - ref: "?([^"\n]+?)"?\s*$', text, re.M)]


def share(total, parts, index):
    """index-th of `parts` near-equal shares of `total`."""
    return total // parts + (1 if index < total % parts else 0)


large = {"controls": round(1000 * scale), "ai": round(500 * scale), "risks": round(5000 * scale)}
rest = {"controls": round(9000 * scale), "ai": round(4500 * scale), "risks": round(45000 * scale)}
evidence_per_control = 5
statuses = ["implemented"] * 6 + ["in_progress", "planned"]
results = ["satisfied", "partially_satisfied", "not_satisfied"]
categories = ["confidentiality", "integrity", "availability", "fairness", "transparency", "data-quality", "robustness", "privacy"]
roles = [["ai-developer", "ai-product-provider"], ["ai-user"], ["ai-provider"], ["ai-customer"]]
stages = ["design", "development", "verification", "deployment", "operation"]
totals = {"organizations": 0, "controls": 0, "evidence": 0, "ai": 0, "risks": 0, "results": 0}
out_dir.mkdir(parents=True, exist_ok=True)
for o in range(organizations):
    rng = random.Random(1000 + o)
    if o == 0:
        name, counts = "Load Test Industries", large
    else:
        name = f"Tenfold Member {o:03d}"
        counts = {k: share(v, organizations - 1, o - 1) for k, v in rest.items()}
    lines = ["organization:", f"  name: {name}", f"  employees: {1200 if o == 0 else 50 + 10 * o}", "assessment:", "  teamCapacityFte: 3"]
    if counts["ai"]:
        lines.append("aiSystems:")
    for a in range(counts["ai"]):
        lines += [f"  - id: AI-{a:04d}", f"    name: Model {a} of {name}", f"    purpose: Scores case type {a} for the tenfold benchmark.",
                  f"    roles: [{', '.join(roles[a % len(roles)])}]", f"    lifecycleStage: {stages[a % len(stages)]}"]
    lines.append("controls:")
    for c in range(counts["controls"]):
        lines += [f"  - id: C-{c:04d}", f"    name: Load control {c}", f"    owner: Owner {c % 17}", f"    status: {rng.choice(statuses)}",
                  f"    satisfies: [{', '.join(sorted(set(rng.sample(ids, rng.randint(1, 4)))))}]", "    evidence:"]
        for e in range(evidence_per_control):
            lines += [f"      - title: Evidence record {c}-{e}", f"        date: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]
    lines.append("results:")
    for requirement in ids:
        lines += [f"  - requirement: {requirement}", f"    result: {rng.choice(results)}", "    reason: Entered for the load benchmark."]
    (out_dir / f"org-{o:03d}.yaml").write_text("\n".join(lines) + "\n")
    with open(out_dir / f"risks-{o:03d}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Risk", "Title", "Categories", "AI systems", "Inherent L", "Inherent I", "Treatment", "Controls", "Residual L", "Residual I", "Owner", "Review"])
        for i in range(counts["risks"]):
            w.writerow([f"RS-{i:05d}", f"Risk {i}", categories[i % len(categories)], f"AI-{i % counts['ai']:04d}" if i % 2 and counts["ai"] else "",
                        1 + i % 5, 1 + (i // 5) % 5, "mitigate", f"C-{i % min(50, counts['controls']):04d}", 1 + i % 3, 1 + (i // 3) % 3, f"Risk owner {i % 13}", "2027-06-30"])
    totals["organizations"] += 1
    totals["controls"] += counts["controls"]
    totals["evidence"] += counts["controls"] * evidence_per_control
    totals["ai"] += counts["ai"]
    totals["risks"] += counts["risks"]
    totals["results"] += len(ids)
print(f"{totals['organizations']} organizations, {totals['controls']:,} controls, {totals['evidence']:,} evidence records, "
      f"{totals['ai']:,} AI systems, {totals['risks']:,} risks, {totals['results']:,} entered results; the measured one: "
      f"{large['controls']:,} controls, {large['controls'] * evidence_per_control:,} evidence records, {large['ai']:,} AI systems, {large['risks']:,} risks")
