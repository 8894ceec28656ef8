#!/usr/bin/env bash
# Runs the scheduler lab's evaluation behind docs/simulation.md: every chain below on the same
# workloads (three synthetic shapes x three seeds, and the SWF traces of this folder), then prints one
# Markdown table. Usage: examples/traces/evaluate.sh [summary.csv] [tuned|held-out|frontier]
# With "held-out" it runs workloads no default was chosen on instead: seeds 4-6 on 10 queues, seeds 4-6
# on 4 queues and seeds 7-9 on 20 queues, each of the three shapes (27 workloads, no trace).
# With "frontier" it runs Forecast with 14 other settings (safety stock and retire share) on all 39
# workloads and prints, per workload, how many settings beat both anchors: whether a better default is
# hiding, or no setting of Forecast wins there (~3 min).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
apf="$here/../../apf"
out="${1:-$(mktemp --suffix=.csv)}"
set_="${2:-tuned}"
rm -f "$out"
forecast="Forecast,MaxPerCycle,MaxPending"
anchors=("Ready,MaxPerCycle,MinPerCycle,MaxPending" "KedaAccurate")
if [[ "$set_" == "frontier" ]]; then
  chains=("$forecast")
  for safety in 0 0.5 1 1.5 2 3; do
    for share in 0.5 1; do
      [[ "$safety/$share" == "1/1" ]] || chains+=("$forecast;sched.forecast.safety=$safety;sched.forecast.retireshare=$share")
    done
  done
  chains+=("$forecast;sched.forecast.spare=1;sched.forecast.safety=0.5" "$forecast;sched.forecast.spare=2;sched.forecast.safety=0.5")
else
  chains=("$forecast" "$forecast;sched.forecast.spare=1;sched.forecast.safety=0;sched.forecast.retireshare=0.5")
fi
chains+=("${anchors[@]}")
args=(--chain "${chains[0]}")
for c in "${chains[@]:1}"; do args+=(--compare "$c"); done
"$apf" simulate --help > /dev/null   # builds once
synthetic() {   # seeds queues
  for shape in steady bursty diurnal; do
    for seed in $1; do
      APF_NO_BUILD=1 "$apf" simulate --synthetic "$shape" --seed "$seed" --queues "$2" "${args[@]}" --summary "$out" > /dev/null
    done
  done
}
held_out() {
  synthetic "4 5 6" 10
  synthetic "4 5 6" 4
  synthetic "7 8 9" 20
}
tuned() {
  synthetic "1 2 3" 10
  for trace in "$here"/*.swf; do
    APF_NO_BUILD=1 "$apf" simulate --trace "$trace" "${args[@]}" --summary "$out" > /dev/null
  done
}
case "$set_" in
  held-out) held_out ;;
  frontier) tuned; held_out ;;
  *) tuned ;;
esac
python3 - "$out" "$set_" <<'PY'
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
if sys.argv[2] == "frontier":
    anchors = ["Ready,MaxPerCycle,MinPerCycle,MaxPending", "KedaAccurate"]
    by = collections.defaultdict(dict)
    for r in rows:
        by[r["workload"]][r["chain"]] = r
    def beats(d, c):
        return all(float(d[c]["wait_p95_s"]) < float(d[o]["wait_p95_s"]) and float(d[c]["empty_fraction"]) < float(d[o]["empty_fraction"]) for o in anchors)
    print("| workload | default beats both | settings of 15 that beat both | those settings (besides the default) |")
    print("|---|---|---:|---|")
    for w, d in by.items():
        settings = [c for c in d if c not in anchors]
        winners = [c for c in settings if beats(d, c)]
        parts = w.split(", ")
        name = parts[0] + (", " + parts[1] if parts[0].startswith("synthetic") else "")
        others = ", ".join(c.split(";", 1)[1].replace("sched.forecast.", "") for c in winners if ";" in c)
        print(f"| {name} | {'yes' if beats(d, settings[0]) else 'no'} | {len(winners)} | {others if len(winners) <= 3 else '...'} |")
    sys.exit(0)
chains = list(dict.fromkeys(r["chain"] for r in rows))
by = collections.defaultdict(dict)
for r in rows:
    by[r["workload"]][r["chain"]] = r
letters = "ABCDEFGH"
for i, c in enumerate(chains):
    print(f"- **{letters[i]}**: `{c}`")
print()
print("| workload | " + " | ".join(f"{letters[i]} p95 / empty / peak pending" for i in range(len(chains))) + " |")
print("|---|" + "---:|" * len(chains))
wins = collections.Counter()
for w, d in by.items():
    cells = []
    for c in chains:
        r = d[c]
        cells.append(f"{float(r['wait_p95_s'])/60:.1f} min / {100*float(r['empty_fraction']):.1f} % / {r['peak_pending_queue']}")
    parts = w.split(", ")
    name = parts[0] + (", " + parts[1] if parts[0].startswith("synthetic") else "")
    print(f"| {name} | " + " | ".join(cells) + " |")
    for i, c in enumerate(chains[:2]):
        a = d[c]
        if all(float(a["wait_p95_s"]) < float(d[o]["wait_p95_s"]) and float(a["empty_fraction"]) < float(d[o]["empty_fraction"]) for o in chains[2:]):
            wins[letters[i]] += 1
print()
for k in letters[:2]:
    print(f"{k} beats both anchors (C and D) on p95 and empty fraction at once in {wins[k]} of {len(by)} workloads.")
PY
