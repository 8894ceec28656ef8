#!/usr/bin/env bash
# The scheduler lab's evaluation behind docs/simulation.md: the chains below on the same workloads, then
# one Markdown table and how often each Forecast chain beats the anchors (APF's usual chain, as ATLAS
# configured it and with a pilot every cycle, and KEDA's accurate strategy) on job-wait p95 and
# empty-pilot fraction at once.
#
#   examples/traces/evaluate.sh [summary.csv] [SET]
#
# SET (workloads; none of them is special-cased, the same settings run everywhere):
#   tuned     12: steady, bursty, diurnal x seeds 1-3 on 10 queues, and the SWF traces of this folder
#   held-out  27: the three shapes x seeds 4-6 on 10 and on 4 queues, seeds 7-9 on 20 queues
#   kinds     18: other kinds of site, each shape once: 3-hour jobs, quiet queues (6 jobs/h), busy queues
#                 of 10-minute jobs, a short batch delay (exp 180 s), a long heavy-tailed one, 2-minute cycles
#   fresh     42: seeds 31-47 with other rates, run times, delays, idle timeouts and cycles, and the traces
#                 with other delays (seeds 41-47 were held out until recall and the trend gate were chosen)
#   archive   20: month-long traces shaped like the Parallel Workloads Archive's logs (make_archive_like.py,
#                 seeds 61-72 under the default site, 61-68 again under other delays, cycles and idle
#                 timeouts); added after recall and the trend gate were chosen, looked at when the per-job
#                 cap was
#   validation 26: written before one change of Forecast was weighed (at most one spare per waiting job)
#                 and run only to decide it: archive-like seeds 81-92 and synthetic seeds 51-57 on other
#                 loads, delays, cycles and idle timeouts
#   frontier  39: tuned and held-out with Forecast under 14 settings: per workload, how many beat all three
#   validation2 24: written, with the rule for reading it, before round 4's candidate (the safety stock
#                 rounded down) was weighed: archive-like seeds 101-112 and synthetic seeds 121-124
#                 (docs/simulation.md, round 4)
#   validation3 24: written, with its rule, before round 5's candidate (the learned batch delay kept through
#                 quiet hours) was weighed on it: archive-like seeds 131-142, synthetic seeds 151-154
#   all       every set but frontier and files (193 workloads)
#   files TRACE...  the given SWF logs (plain or .swf.gz, e.g. the archive's), each under the default site
#                 and under a short (exp 180 s) and a long, heavy-tailed (lognormal 1800 s, 1.5) batch delay
#
# APF_EVAL_CHAINS="chain|chain..." adds chains to compare (after A and B), e.g. a candidate setting of Forecast.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
apf="$here/../../apf"
out="${1:-$(mktemp --suffix=.csv)}"
set_="${2:-tuned}"
files=("${@:3}")
if [[ "$set_" == "files" ]]; then
  (( ${#files[@]} > 0 )) || { echo "evaluate.sh: the files set needs at least one SWF log after it" >&2; exit 2; }
  for f in "${files[@]}"; do [[ -r "$f" ]] || { echo "evaluate.sh: cannot read trace $f" >&2; exit 2; }; done
fi
rm -f "$out" "$out".*.part

forecast="Forecast,MaxPerCycle,MaxPending"
# APF's usual chain as ATLAS configured it, the same sending a pilot every cycle (MinPerCycle 1), KEDA accurate.
anchors=("Ready,MaxPerCycle,MinPerCycle,MaxPending;sched.minpercycle.minimum=0;sched.maxpercycle.maximum=50"
         "Ready,MaxPerCycle,MinPerCycle,MaxPending" "KedaAccurate")
if [[ "$set_" == "frontier" ]]; then
  chains=("$forecast")
  for safety in 0 1 2 3 4 6; do
    for share in 0.5 1; do
      [[ "$safety/$share" == "3/1" ]] || chains+=("$forecast;sched.forecast.safety=$safety;sched.forecast.retireshare=$share")
    done
  done
  chains+=("$forecast;sched.forecast.trendgate=0" "$forecast;sched.forecast.trendgate=2")
else
  # B: the same chain without the trend's noise gate, to show what the gate is worth.
  chains=("$forecast" "$forecast;sched.forecast.trendgate=0")
fi
if [[ -n "${APF_EVAL_CHAINS:-}" ]]; then IFS='|' read -r -a extra <<< "$APF_EVAL_CHAINS"; chains+=("${extra[@]}"); fi
chains+=("${anchors[@]}")
args=(--chain "${chains[0]}")
for c in "${chains[@]:1}"; do args+=(--compare "$c"); done
"$apf" simulate --help > /dev/null   # builds once

# Two simulations at a time (one per core); each writes its own summary, joined at the end.
sim() { APF_NO_BUILD=1 "$apf" simulate "$@" "${args[@]}" --summary "$out.$BASHPID.$RANDOM.part" > /dev/null; }
pair() { sim $1 & sim $2 & wait; }
traces() { for trace in "$here"/*.swf; do sim --trace "$trace" "$@"; done; }

tuned() {
  for shape in steady bursty diurnal; do
    for seed in 1 2 3; do sim --synthetic "$shape" --seed "$seed" --queues 10; done
  done
  traces
}
held_out() {
  for shape in steady bursty diurnal; do
    for seed in 4 5 6; do pair "--synthetic $shape --seed $seed --queues 10" "--synthetic $shape --seed $seed --queues 4"; done
    for seed in 7 8 9; do sim --synthetic "$shape" --seed "$seed" --queues 20; done
  done
}
kinds() {
  for s in steady bursty diurnal; do
    pair "--synthetic $s --seed 21 --queues 8 --runtime 10800" "--synthetic $s --seed 22 --queues 8 --rate 6"
    pair "--synthetic $s --seed 23 --queues 8 --rate 120 --runtime 600" "--synthetic $s --seed 24 --queues 8 --set sim.batch.delay=exp:180"
    pair "--synthetic $s --seed 25 --queues 8 --set sim.batch.delay=lognormal:1800,1.5" "--synthetic $s --seed 26 --queues 8 --set apfqueue.sleep=120 --set apfqueue.maxage=120"
  done
}
fresh() {
  for s in steady bursty diurnal; do
    pair "--synthetic $s --seed 31 --queues 6 --set sim.batch.delay=lognormal:300,0.5" "--synthetic $s --seed 32 --queues 12 --rate 15 --runtime 3600"
    pair "--synthetic $s --seed 33 --queues 6 --rate 60 --set sim.batch.delay=lognormal:1200,1" "--synthetic $s --seed 34 --queues 16 --set sim.batch.delay=uniform:60,900"
    pair "--synthetic $s --seed 35 --queues 8 --runtime 5400 --set sim.pilot.idletimeout=600" "--synthetic $s --seed 36 --queues 8 --rate 20 --set apfqueue.sleep=600 --set apfqueue.maxage=600"
    pair "--synthetic $s --seed 41 --queues 5 --rate 45 --set sim.batch.delay=lognormal:900,0.8" "--synthetic $s --seed 42 --queues 10 --rate 10 --runtime 7200"
    pair "--synthetic $s --seed 43 --queues 7 --rate 80 --runtime 900 --set sim.batch.delay=exp:400" "--synthetic $s --seed 44 --queues 24 --rate 20 --set sim.batch.delay=lognormal:2400,0.7"
    pair "--synthetic $s --seed 45 --queues 9 --runtime 1200 --set sim.pilot.idletimeout=120" "--synthetic $s --seed 46 --queues 6 --rate 40 --set apfqueue.sleep=240 --set apfqueue.maxage=240"
  done
  traces --seed 37 --set sim.batch.delay=exp:900
  traces --seed 47 --set sim.batch.delay=lognormal:450,1.2
}
gen() { python3 "$here/make_archive_like.py" "$@"; }   # an archive-like trace: SEED OUT.swf [options]
archive() {
  local dir; dir="$(mktemp -d)"
  for seed in 61 62 63 64 65 66 67 68; do gen "$seed" "$dir/archive-$seed.swf"; done
  gen 69 "$dir/archive-69-load1-128p.swf" --load 1 --procs 128
  gen 70 "$dir/archive-70-load4-1024p.swf" --load 4 --procs 1024
  gen 71 "$dir/archive-71-load0.5.swf" --load 0.5
  gen 72 "$dir/archive-72-load8-256p.swf" --load 8 --procs 256
  for seed in 61 63 65 67; do pair "--trace $dir/archive-$seed.swf" "--trace $dir/archive-$((seed + 1)).swf"; done
  for t in 69-load1-128p 70-load4-1024p 71-load0.5 72-load8-256p; do sim --trace "$dir/archive-$t.swf" --seed "${t%%-*}"; done
  pair "--trace $dir/archive-61.swf --seed 73 --set sim.batch.delay=exp:180" "--trace $dir/archive-62.swf --seed 74 --set sim.batch.delay=lognormal:1800,1.5"
  pair "--trace $dir/archive-63.swf --seed 75 --set apfqueue.sleep=120 --set apfqueue.maxage=120" "--trace $dir/archive-64.swf --seed 76 --set sim.batch.delay=exp:900"
  pair "--trace $dir/archive-65.swf --seed 77 --set sim.pilot.idletimeout=600" "--trace $dir/archive-66.swf --seed 78 --set sim.batch.delay=uniform:60,900"
  pair "--trace $dir/archive-67.swf --seed 79 --set apfqueue.sleep=600 --set apfqueue.maxage=600" "--trace $dir/archive-68.swf --seed 80 --set sim.batch.delay=lognormal:300,0.5"
  rm -rf "$dir"
}
validation() {
  local dir; dir="$(mktemp -d)"
  gen 81 "$dir/archive-81-load1.swf" --load 1; gen 82 "$dir/archive-82-load3-256p.swf" --load 3 --procs 256
  gen 83 "$dir/archive-83-load5-2048p.swf" --load 5 --procs 2048; gen 84 "$dir/archive-84.swf"
  gen 85 "$dir/archive-85-load1.5.swf" --load 1.5; gen 86 "$dir/archive-86-load2.5-128p.swf" --load 2.5 --procs 128
  pair "--trace $dir/archive-81-load1.swf --seed 81" "--trace $dir/archive-82-load3-256p.swf --seed 82"
  pair "--trace $dir/archive-83-load5-2048p.swf --seed 83" "--trace $dir/archive-84.swf --seed 84"
  pair "--trace $dir/archive-85-load1.5.swf --seed 85" "--trace $dir/archive-86-load2.5-128p.swf --seed 86"
  pair "--trace $dir/archive-81-load1.swf --seed 87 --set sim.batch.delay=lognormal:900,1.2" "--trace $dir/archive-82-load3-256p.swf --seed 88 --set sim.batch.delay=exp:600"
  pair "--trace $dir/archive-83-load5-2048p.swf --seed 89 --set apfqueue.sleep=240 --set apfqueue.maxage=240" "--trace $dir/archive-84.swf --seed 90 --set sim.pilot.idletimeout=180"
  pair "--trace $dir/archive-85-load1.5.swf --seed 91 --set sim.batch.delay=uniform:120,1500" "--trace $dir/archive-86-load2.5-128p.swf --seed 92 --set sim.batch.delay=lognormal:400,0.8"
  rm -rf "$dir"
  for s in steady bursty diurnal; do
    pair "--synthetic $s --seed 51 --queues 6 --rate 8" "--synthetic $s --seed 52 --queues 12 --rate 20 --runtime 900"
    pair "--synthetic $s --seed 53 --queues 5 --rate 50 --set sim.batch.delay=lognormal:900,1.2" "--synthetic $s --seed 54 --queues 9 --rate 15 --runtime 3600 --set apfqueue.sleep=240 --set apfqueue.maxage=240"
  done
  pair "--synthetic steady --seed 55 --queues 14 --rate 4 --runtime 2400" "--synthetic bursty --seed 56 --queues 7 --rate 25 --set sim.pilot.idletimeout=180"
}
validation2() {
  local dir; dir="$(mktemp -d)"
  gen 101 "$dir/archive-101-load1.2.swf" --load 1.2; gen 102 "$dir/archive-102-load2-512p.swf" --load 2 --procs 512
  gen 103 "$dir/archive-103-load4-128p.swf" --load 4 --procs 128; gen 104 "$dir/archive-104-load0.8.swf" --load 0.8
  gen 105 "$dir/archive-105-load6-1024p.swf" --load 6 --procs 1024; gen 106 "$dir/archive-106-load3.swf" --load 3
  pair "--trace $dir/archive-101-load1.2.swf --seed 101" "--trace $dir/archive-102-load2-512p.swf --seed 102"
  pair "--trace $dir/archive-103-load4-128p.swf --seed 103" "--trace $dir/archive-104-load0.8.swf --seed 104"
  pair "--trace $dir/archive-105-load6-1024p.swf --seed 105" "--trace $dir/archive-106-load3.swf --seed 106"
  pair "--trace $dir/archive-101-load1.2.swf --seed 107 --set sim.batch.delay=exp:240" "--trace $dir/archive-102-load2-512p.swf --seed 108 --set sim.batch.delay=lognormal:1200,1.3"
  pair "--trace $dir/archive-103-load4-128p.swf --seed 109 --set apfqueue.sleep=180 --set apfqueue.maxage=180" "--trace $dir/archive-104-load0.8.swf --seed 110 --set sim.pilot.idletimeout=600"
  pair "--trace $dir/archive-105-load6-1024p.swf --seed 111 --set sim.batch.delay=uniform:30,600" "--trace $dir/archive-106-load3.swf --seed 112 --set sim.batch.delay=lognormal:450,0.6"
  rm -rf "$dir"
  for s in steady bursty diurnal; do
    pair "--synthetic $s --seed 121 --queues 7 --rate 12" "--synthetic $s --seed 122 --queues 10 --rate 40 --runtime 1200 --set sim.batch.delay=exp:300"
    pair "--synthetic $s --seed 123 --queues 5 --rate 25 --runtime 5400 --set sim.batch.delay=lognormal:1500,1" "--synthetic $s --seed 124 --queues 12 --rate 5 --set apfqueue.sleep=300 --set apfqueue.maxage=300"
  done
}
validation3() {
  local dir; dir="$(mktemp -d)"
  gen 131 "$dir/archive-131-load1.5.swf" --load 1.5; gen 132 "$dir/archive-132-load0.6.swf" --load 0.6
  gen 133 "$dir/archive-133-load2.5-256p.swf" --load 2.5 --procs 256; gen 134 "$dir/archive-134-load5-2048p.swf" --load 5 --procs 2048
  gen 135 "$dir/archive-135-load1.swf" --load 1; gen 136 "$dir/archive-136-load3.5-512p.swf" --load 3.5 --procs 512
  pair "--trace $dir/archive-131-load1.5.swf --seed 131" "--trace $dir/archive-132-load0.6.swf --seed 132"
  pair "--trace $dir/archive-133-load2.5-256p.swf --seed 133" "--trace $dir/archive-134-load5-2048p.swf --seed 134"
  pair "--trace $dir/archive-135-load1.swf --seed 135" "--trace $dir/archive-136-load3.5-512p.swf --seed 136"
  pair "--trace $dir/archive-131-load1.5.swf --seed 137 --set sim.batch.delay=exp:200" "--trace $dir/archive-132-load0.6.swf --seed 138 --set sim.batch.delay=lognormal:900,1.4"
  pair "--trace $dir/archive-133-load2.5-256p.swf --seed 139 --set apfqueue.sleep=240 --set apfqueue.maxage=240" "--trace $dir/archive-134-load5-2048p.swf --seed 140 --set sim.pilot.idletimeout=240"
  pair "--trace $dir/archive-135-load1.swf --seed 141 --set sim.batch.delay=uniform:60,1200" "--trace $dir/archive-136-load3.5-512p.swf --seed 142 --set sim.batch.delay=lognormal:350,0.7"
  rm -rf "$dir"
  for s in steady bursty diurnal; do
    pair "--synthetic $s --seed 151 --queues 9 --rate 9" "--synthetic $s --seed 152 --queues 6 --rate 35 --runtime 900 --set sim.batch.delay=exp:240"
    pair "--synthetic $s --seed 153 --queues 8 --rate 18 --runtime 4800 --set sim.batch.delay=lognormal:1200,1.1" "--synthetic $s --seed 154 --queues 15 --rate 3 --set apfqueue.sleep=240 --set apfqueue.maxage=240"
  done
}
given() {
  for f in "${files[@]}"; do
    sim --trace "$f"
    sim --trace "$f" --seed 2 --set sim.batch.delay=exp:180 & sim --trace "$f" --seed 3 --set sim.batch.delay=lognormal:1800,1.5 & wait
  done
}
case "$set_" in
  tuned) tuned ;;
  held-out) held_out ;;
  kinds) kinds ;;
  fresh) fresh ;;
  archive) archive ;;
  validation) validation ;;
  validation2) validation2 ;;
  validation3) validation3 ;;
  frontier) tuned; held_out ;;
  all) tuned; held_out; kinds; fresh; archive; validation; validation2; validation3 ;;
  files) given ;;
  *) echo "evaluate.sh: unknown set '$set_' (tuned, held-out, kinds, fresh, archive, validation, validation2, validation3, frontier, all, files TRACE...)" >&2; exit 2 ;;
esac
parts=("$out".*.part)
{ head -n 1 "${parts[0]}"; for p in "${parts[@]}"; do tail -n +2 "$p"; done; } > "$out"
rm -f "${parts[@]}"
python3 "$here/evaluate_report.py" "$out" "$set_"
