#!/usr/bin/env bash
# Writes docs/simulation-evaluation.md: every set of evaluate.sh, run now, with the words around its table.
#   examples/traces/write_evaluation.sh > docs/simulation-evaluation.md      (about 5 minutes on 2 cores)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat <<'TEXT'
# Scheduler lab: the evaluation tables

Written by `examples/traces/write_evaluation.sh`, which runs each set of `examples/traces/evaluate.sh` (see
[simulation.md](simulation.md#evaluation) for what the sets are, how the defaults were chosen, and where
Forecast loses). Cells: job-wait p95 / empty-pilot fraction / peak pending pilots in one queue. Chains:
**A** the recommended `Forecast,MaxPerCycle,MaxPending`; **B** the same without the trend's noise gate;
**C** APF's usual chain as its ATLAS defaults configure it (MinPerCycle 0, MaxPerCycle 50); **D** the same
chain with MinPerCycle 1 (a pilot every cycle); **E** KEDA's accurate strategy. Settings shared by every
chain unless the chain or the workload names others: pending cap 100 per queue, 100 per cycle,
MinPerCycle 1, KEDA's maxReplicaCount 100, batch delay lognormal with a 10-minute median and σ 1, 6-minute
cycles, status every 30 s, pilots leave after 5 idle minutes.
TEXT

section() {   # section SET "title" ["words after the command"]
  printf '\n## %s\n\n`examples/traces/evaluate.sh out.csv %s`%s\n\n' "$2" "$1" "${3:-}"
  "$here/evaluate.sh" "$work/$1.csv" "$1" | sed '${/^$/d}'
}
section tuned "Tuned set (12 workloads; the first defaults were chosen on these and on the held-out set)"
section held-out "Held-out set (27 workloads)"
section kinds "Other kinds of site (18 workloads; looked at when recall, rounding, the trend gate and safety were chosen)"
section fresh "Fresh workloads (42: seeds 31–37 looked at when recall and the gate were chosen, seeds 41–47 only afterwards)"
section archive "Archive-like traces (20; added after recall and the gate were chosen, looked at when the per-job cap was)"
section validation "Validation (26; written before the per-job cap was weighed, run once to decide it)"
section validation2 "Validation 2 (24; written before round 4's stock rounding was weighed)"
section validation3 "Validation 3 (24; written before round 5's kept batch delay was weighed)"
section frontier "Frontier (39 workloads: tuned and held-out)" ": Forecast with its defaults and 13 other settings (safety 0, 1, 2, 3, 4, 6 × retire share 0.5, 1; trend gate 0 and 2). Per workload, how many of the 14 settings beat all three anchors at once."
