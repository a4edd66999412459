#!/usr/bin/env python3
"""Seeds the registers at scale through the API, then times the register pages one request at a time.

Usage: registers.py BASE_URL ORG_ID TOKEN COOKIE [risks] [ai_systems]
Seeds AI systems and risks (one keep-alive connection), saves and approves both Statements of Applicability, runs
an integrated audit of both standards (timing each recorded result), sets 50 objectives with 12 measurements each
and holds a management review, then requests each page 5 times to warm up and 30 times measured, and prints the median and p95 of the full response time
on loopback (server time plus a few hundred microseconds of loopback transfer).
"""
import datetime
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse

base, org, token, cookie = sys.argv[1:5]
risks = int(sys.argv[5]) if len(sys.argv) > 5 else 5000
systems = int(sys.argv[6]) if len(sys.argv) > 6 else 500
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
api = f"/api/orgs/{org}"
auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def call(method, path, body=None, expect=(200, 201)):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=auth)
    response = conn.getresponse()
    data = response.read()
    if response.status not in expect:
        sys.exit(f"{method} {path} answered {response.status}: {data[:400]!r}")
    return json.loads(data) if data else None


started = time.time()
categories = ["confidentiality", "integrity", "availability", "fairness", "transparency", "data-quality", "robustness", "privacy"]
for i in range(systems):
    call("POST", f"{api}/ai-systems", {"key": f"AIS-{i:04}", "name": f"Model {i}", "role": ["developer", "provider", "deployer", "user"][i % 4],
                                       "purpose": f"Scores case type {i}", "lifecycleStage": "operation", "modelType": "gradient boosting",
                                       "dataSources": [{"name": f"cases-{i}", "provenance": "internal CRM"}]})
controls = [c["key"] for c in call("GET", f"{api}/controls?pageSize=200")["items"]][:50]
for i in range(risks):
    call("POST", f"{api}/risks", {"key": f"RS-{i:05}", "title": f"Risk {i}", "categories": [categories[i % len(categories)]],
                                  "aiSystems": [f"AIS-{i % systems:04}"] if i % 2 else [], "inherentLikelihood": 1 + i % 5, "inherentImpact": 1 + (i // 5) % 5,
                                  "treatment": "mitigate", "controls": [controls[i % len(controls)]], "residualLikelihood": 1 + i % 3, "residualImpact": 1 + (i // 3) % 3,
                                  "owner": "Risk owner", "reviewOn": "2027-06-30"})
for framework in ["iso27001-2022", "iso42001-2023"]:
    proposal = call("GET", f"{api}/soa/{framework}")["proposal"]
    decisions = [{"requirementId": r["requirementId"], "included": False, "justification": "Outside the benchmark scope."} for r in proposal if not r["included"]]
    saved = call("POST", f"{api}/soa/{framework}", {"decisions": decisions})
    approver = {"Authorization": f"Bearer {os.environ['APPROVER_TOKEN']}", "Content-Type": "application/json"}
    conn.request("POST", f"{api}/soa/{framework}/{saved['number']}/approve", headers=approver)
    response = conn.getresponse()
    if response.status != 200:
        sys.exit(f"approving the {framework} SoA answered {response.status}: {response.read()[:400]!r}")
    response.read()
print(f"seeded {systems} AI systems, {risks} risks and both SoAs in {time.time() - started:.0f} s")

# An integrated audit of both standards graded item by item (each call timed), 50 objectives with a year of monthly
# measurements, and a management review, so the audit, readiness and review pages work on a full year's records.
audit = call("POST", f"{api}/audits", {"key": "IA-BENCH", "title": "Integrated audit", "frameworks": ["iso27001-2022", "iso42001-2023"],
                                        "plannedStart": "2026-05-04", "plannedEnd": "2026-05-08", "auditors": ["Bench auditor"]})
items = [r["item"]["key"] for r in call("GET", f"{api}/audits/{audit['id']}")["checklist"]]
recording = []
for key in items:
    begin = time.perf_counter()
    call("POST", f"{api}/audits/{audit['id']}/results", {"itemKey": key, "grade": "Conforming"})
    recording.append((time.perf_counter() - begin) * 1000)
call("POST", f"{api}/audits/{audit['id']}/complete")
for i in range(50):
    objective = call("POST", f"{api}/objectives", {"title": f"Objective {i}", "system": ["information-security", "ai", "both"][i % 3], "measure": "share of cases",
                                                    "unit": "%", "direction": "at-least", "target": 90, "owner": "Owner", "frequency": "monthly"})
    for month in range(12):
        call("POST", f"{api}/objectives/{objective['id']}/measurements", {"measuredOn": (datetime.date.today() - datetime.timedelta(days=30 * (11 - month))).isoformat(), "value": 80 + month})
call("POST", f"{api}/management-reviews", {"heldOn": time.strftime("%Y-%m-%d"), "attendees": ["CEO"], "decisions": "Keep going.",
                                          "actions": [{"description": "Next audit", "owner": "CISO", "due": "2027-06-30"}]})
recording.sort()
print(f"recorded {len(items)} audit results: median {statistics.median(recording):.1f} ms, p95 {recording[int(len(recording) * 0.95) - 1]:.1f} ms per result")

pages = [
    ("risk register page (page 1, both heat maps)", f"/orgs/{org}/risks"),
    ("risk register page (page 50)", f"/orgs/{org}/risks?page=50"),
    ("AI system inventory page", f"/orgs/{org}/ai-systems"),
    ("SoA page ISO 27001 (93 rows)", f"/orgs/{org}/soa/iso27001-2022"),
    ("SoA page ISO 42001 (38 rows)", f"/orgs/{org}/soa/iso42001-2023"),
    ("risk register API (page 1)", f"{api}/risks"),
    ("SoA API ISO 27001", f"{api}/soa/iso27001-2022"),
    ("audit checklist page (integrated, all graded)", f"/orgs/{org}/audits/{audit['id']}"),
    ("readiness page (both standards and integrated)", f"/orgs/{org}/readiness"),
    ("management review page (inputs assembled)", f"/orgs/{org}/management-reviews"),
    ("objectives page (50 objectives, 600 measurements)", f"/orgs/{org}/objectives"),
]
print("| page | median ms | p95 ms | bytes |")
print("|---|---:|---:|---:|")
for name, path in pages:
    headers = {"Authorization": f"Bearer {token}"} if path.startswith("/api/") else {"Cookie": cookie}
    timings = []
    size = 0
    for round in range(35):
        begin = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - begin) * 1000
        if response.status != 200:
            sys.exit(f"GET {path} answered {response.status}")
        if round >= 5:
            timings.append(elapsed)
        size = len(body)
    timings.sort()
    print(f"| {name} | {statistics.median(timings):.1f} | {timings[int(len(timings) * 0.95) - 1]:.1f} | {size:,} |")
