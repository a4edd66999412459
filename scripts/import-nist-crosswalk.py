#!/usr/bin/env python3
"""Generate content/mappings/nist-ai-rmf-1.0__iso42001-2023.yaml from NIST's published crosswalk.

Usage (from the repository root):
    python3 scripts/import-nist-crosswalk.py tests/Harmonia.Tests/reference/nist-ai-rmf-to-42001.csv [--out PATH]

Input columns: ai_rmf_ref, iso42001_ref, source, iso42001_title_as_listed, annexA_equivalent, note.

Rules:
  * one mapping per csv row: source = ai_rmf_ref;
    target = annexA_equivalent when present (the crosswalk cites Annex B guidance ids B.x.y, which
    belong to Annex A control A.x.y), otherwise iso42001_ref;
  * relationship intersect, strength 5;
  * rationale = fixed sentence, plus " Note: <note>" when the row has a note;
  * identical source/target pairs are kept once (first occurrence) and later notes are appended;
  * attribution = the csv's `source` text;
  * no coverage section (the crosswalk does not claim to cover every 42001 requirement).

Only the Python standard library is used, and the YAML is written by hand.
"""

import argparse
import csv
import sys
import textwrap
from pathlib import Path

SOURCE_FW = "nist-ai-rmf-1.0"
TARGET_FW = "iso42001-2023"
RATIONALE = "Listed by NIST's published AI RMF to ISO/IEC 42001 crosswalk."
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "content" / "mappings" / f"{SOURCE_FW}__{TARGET_FW}.yaml"


def target_ref(row):
    annex_a = (row.get("annexA_equivalent") or "").strip()
    ref = row["iso42001_ref"].strip()
    if annex_a:
        return annex_a
    if ref.startswith("B."):
        # Guidance id without an explicit equivalent: B.x.y is the guidance for A.x.y.
        return "A." + ref[2:]
    return ref


def quoted(value):
    """A YAML double-quoted scalar."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def folded(value, indent):
    """A YAML folded block scalar (>-) wrapped at about 100 columns."""
    pad = " " * indent
    lines = textwrap.wrap(
        " ".join(value.split()),
        width=max(40, 104 - indent),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return ">-\n" + "\n".join(pad + line for line in lines)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv_path", help="path to nist-ai-rmf-to-42001.csv")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help=f"output file (default: {DEFAULT_OUT})")
    args = parser.parse_args(argv)

    with open(args.csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if not rows:
        sys.exit("no rows in " + args.csv_path)

    attributions = []
    mappings = {}  # (source, target) -> list of notes; dict keeps first-seen order
    for row in rows:
        src = row["ai_rmf_ref"].strip()
        tgt = target_ref(row)
        if not src or not tgt:
            sys.exit(f"incomplete row: {row}")
        attr = (row.get("source") or "").strip()
        if attr and attr not in attributions:
            attributions.append(attr)
        note = (row.get("note") or "").strip()
        notes = mappings.setdefault((src, tgt), [])
        if note and note not in notes:
            notes.append(note)

    out = [
        "# GENERATED FILE - do not edit by hand.",
        "# Produced by scripts/import-nist-crosswalk.py from ../shared/reference/nist-ai-rmf-to-42001.csv;",
        "# change the script or the csv and run it again.",
        f"source: {SOURCE_FW}",
        f"target: {TARGET_FW}",
        "attribution: " + folded("; ".join(attributions), 2),
        "mappings:",
    ]
    for (src, tgt), notes in mappings.items():
        rationale = RATIONALE + "".join(" Note: " + n for n in notes)
        out += [
            f"  - source: {quoted(src)}",
            f"    target: {quoted(tgt)}",
            "    relationship: intersect",
            "    strength: 5",
            "    rationale: " + folded(rationale, 6),
        ]

    out_path = Path(args.out)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{out_path}: {len(mappings)} mappings from {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
