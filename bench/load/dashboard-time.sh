#!/usr/bin/env bash
# Times the dashboard of servers started by dashboard-serve.sh, side by side (requests alternate between them).
# Usage: bench/load/dashboard-time.sh N NAME...   Prints per server: repeat visits, then visits each right after an audited write
# (a risk added through the API), time to first byte by curl, median / p95 / max in ms.
set -euo pipefail
work=${WORK:-/tmp/harmonia-dashboard}
n=$1; shift
names=("$@")
declare -A B O C T
for s in "${names[@]}"; do source $work/$s/env; B[$s]=$base; O[$s]=$org; C[$s]=$cookie; T[$s]=$token; : > $work/$s/repeat.txt; : > $work/$s/afterwrite.txt; done
get() { curl -s -o /dev/null -w '%{time_starttransfer}\n' -H "Cookie: ${C[$1]}" "${B[$1]}/orgs/${O[$1]}"; }
write() { curl -sf -o /dev/null -H "Authorization: Bearer ${T[$1]}" -H 'Content-Type: application/json' \
  -d "{\"key\":\"R-T$2\",\"title\":\"Timing risk $2\",\"categories\":[\"confidentiality\"],\"inherentLikelihood\":2,\"inherentImpact\":3,\"treatment\":\"accept\",\"residualLikelihood\":2,\"residualImpact\":3,\"owner\":\"Head of IT\"}" \
  "${B[$1]}/api/orgs/${O[$1]}/risks"; }
for s in "${names[@]}"; do for _ in 1 2 3; do get $s >/dev/null; done; done   # warm: the first visits compile
for i in $(seq 1 "$n"); do for s in "${names[@]}"; do get $s >> $work/$s/repeat.txt; done; done
for i in $(seq 1 "$n"); do for s in "${names[@]}"; do write $s "$i$RANDOM"; get $s >> $work/$s/afterwrite.txt; done; done
for s in "${names[@]}"; do
  for kind in repeat afterwrite; do
    python3 - "$s" "$kind" $work/$s/$kind.txt <<'PY'
import sys
v = sorted(float(x) * 1000 for x in open(sys.argv[3]) if x.strip())
p = lambda q: v[min(len(v) - 1, int(round(q / 100 * (len(v) - 1))))]
print(f"{sys.argv[1]:>10} {sys.argv[2]:>10}: n={len(v)} median {p(50):.0f} ms, p95 {p(95):.0f} ms, max {v[-1]:.0f} ms")
PY
  done
done
