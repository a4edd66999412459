#!/usr/bin/env python3
"""Times every register page and list API of the measured organization of the tenfold benchmark, one request at a
time on one keep-alive connection.

Usage: tenfold-pages.py BASE_URL ORG_ID TOKEN COOKIE   (APPROVER_TOKEN in the environment)
First saves and approves both Statements of Applicability (as registers.py does), then requests each target 5 times
to warm up and 20 times measured (bounded on a slow target, said in the table: a first request over 1 s (TENFOLD_SLOW_MS) is followed
by 1 more warm-up and 5 measured, one over 15 s by 2 measured, and one without an answer in 60 s is not repeated)
and prints a Markdown table: median and p95 (nearest rank: the 19th of 20) of the
full response time measured by this client on loopback (server time plus the loopback transfer of the body, so never
less than the server's own time), the slowest request, the size of the body and the status; the first request (the first visit after the SoAs were
approved, or after the target before it) is shown apart.
"""
import http.client
import json
import math
import os
import statistics
import sys
import time
import urllib.parse

base, org, token, cookie = sys.argv[1:5]
url = urllib.parse.urlparse(base)
SLOW = float(os.environ.get("TENFOLD_SLOW_MS", "1000"))  # a first request slower than this gets 5 measured, not 20
TIMEOUT = float(os.environ.get("TENFOLD_TIMEOUT_S", "60"))  # the client waits this long for an answer
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
api = f"/api/orgs/{org}"
auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def call(method, path, body=None, headers=auth):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = conn.getresponse()
    data = response.read()
    if response.status not in (200, 201):
        sys.exit(f"{method} {path} answered {response.status}: {data[:400]!r}")
    return json.loads(data) if data else None


started = time.time()
approver = {"Authorization": f"Bearer {os.environ['APPROVER_TOKEN']}", "Content-Type": "application/json"}
for framework in ["iso27001-2022", "iso42001-2023"]:
    proposal = call("GET", f"{api}/soa/{framework}")["proposal"]
    decisions = [{"requirementId": r["requirementId"], "included": False, "justification": "Outside the benchmark scope."} for r in proposal if not r["included"]]
    saved = call("POST", f"{api}/soa/{framework}", {"decisions": decisions})
    call("POST", f"{api}/soa/{framework}/{saved['number']}/approve", headers=approver)
print(f"saved and approved both SoAs of the measured organization in {time.time() - started:.1f} s")

pages = [
    ("dashboard page", f"/orgs/{org}"),
    ("risk register page (page 1, both heat maps)", f"/orgs/{org}/risks"),
    ("risk register page (page 50)", f"/orgs/{org}/risks?page=50"),
    ("AI system inventory page", f"/orgs/{org}/ai-systems"),
    ("controls page", f"/orgs/{org}/controls"),
    ("evidence page", f"/orgs/{org}/evidence"),
    ("SoA page ISO/IEC 27001", f"/orgs/{org}/soa/iso27001-2022"),
    ("SoA page ISO/IEC 42001", f"/orgs/{org}/soa/iso42001-2023"),
    ("audit trail page", f"/orgs/{org}/audit-trail"),
    ("nonconformities page", f"/orgs/{org}/nonconformities"),
    ("documents page", f"/orgs/{org}/documents"),
    ("suppliers page", f"/orgs/{org}/suppliers"),
    ("questionnaire page", f"/orgs/{org}/questionnaire"),
    ("readiness page", f"/orgs/{org}/readiness"),
    ("gap page ISO/IEC 42001", f"/orgs/{org}/gap/iso42001-2023"),
    ("API risks (page 1)", f"{api}/risks"),
    ("API AI systems", f"{api}/ai-systems"),
    ("API controls", f"{api}/controls"),
    ("API evidence", f"{api}/evidence"),
    ("API SoA ISO/IEC 27001", f"{api}/soa/iso27001-2022"),
    ("API SoA ISO/IEC 42001", f"{api}/soa/iso42001-2023"),
    ("API audit trail", f"{api}/audit-trail"),
    ("API nonconformities", f"{api}/nonconformities"),
    ("API documents", f"{api}/documents"),
    ("API suppliers", f"{api}/suppliers"),
    ("API questionnaire answers", f"{api}/answers"),
    ("API readiness", f"{api}/readiness"),
    ("API gap ISO/IEC 42001", f"{api}/gap/iso42001-2023"),
    ("owners page", f"/orgs/{org}/owners"),
    ("API owners to resolve", f"{api}/owners/to-resolve"),
]


def get(path, headers):
    global conn
    begin = time.perf_counter()
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        status = response.status
    except (OSError, http.client.HTTPException) as e:  # a timeout or a dropped connection is a result, not the end of the run
        conn.close()
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
        body, status = b"", type(e).__name__
    return (time.perf_counter() - begin) * 1000, status, len(body)


print("| target | first request ms | median ms | p95 ms | slowest ms | bytes | status |")
print("|---|---:|---:|---:|---:|---:|---|")
for name, path in pages:
    headers = {"Authorization": f"Bearer {token}"} if path.startswith("/api/") else {"Cookie": cookie}
    first = get(path, headers)
    if not isinstance(first[1], int):  # no answer within the client timeout: said, and the target is not repeated
        print(f"| {name}: `{path.replace(org, '{id}')}` | over {TIMEOUT * 1000:,.0f} | | | | | no answer in {TIMEOUT:.0f} s ({first[1]}) |", flush=True)
        continue
    # Bounded on a slow target: over 15 s, 2 more requests measured; over SLOW ms, 1 more warm-up and 5 measured.
    warm = [first] if first[0] > 15000 else [first, get(path, headers)] if first[0] > SLOW else [first] + [get(path, headers) for _ in range(4)]
    rounds = 2 if first[0] > 15000 else 5 if first[0] > SLOW else 20
    measured = [get(path, headers) for _ in range(rounds)]
    timings = sorted(t for t, _, _ in measured)
    statuses = sorted({str(s) for _, s, _ in warm + measured})
    p95 = timings[math.ceil(len(timings) * 0.95) - 1]
    note = "" if rounds == 20 else f" (only {rounds} measured after {len(warm)} warm-up)"
    print(f"| {name}: `{path.replace(org, '{id}')}` | {first[0]:.1f} | {statistics.median(timings):.1f} | {p95:.1f} | {timings[-1]:.1f} | {measured[-1][2]:,} | {', '.join(statuses)}{note} |", flush=True)
