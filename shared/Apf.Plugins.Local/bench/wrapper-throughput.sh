#!/usr/bin/env bash
# Measures how fast pilot wrappers drain a directory queue of trivial jobs ("true").
# usage: bench/wrapper-throughput.sh [JOBS=300] [PILOTS=4]
# Prints jobs, pilots, seconds and jobs per second; checks every job ran exactly once.
set -euo pipefail
jobs=${1:-300} pilots=${2:-4}
here=$(cd -- "$(dirname -- "$0")" && pwd)
wrapper=$here/../Pilot/apf-pilot-wrapper.sh
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
mkdir -p "$work"/q/{ready,running,done,failed}
for ((i = 0; i < jobs; i++)); do printf 'echo "$APF_JOB_ID" >> %q\n' "$work/ledger" >"$work/q/ready/$(printf 'j%06d' "$i").job"; done
start=$(date +%s.%N)
for ((p = 0; p < pilots; p++)); do
  APF_DIRQUEUE=$work/q APF_PILOT_ID=bench-$p APF_PILOT_DIR=$work/pilot-$p APF_HEARTBEAT_INTERVAL=0 \
    bash "$wrapper" 2>/dev/null &
done
wait
end=$(date +%s.%N)
done_jobs=$(find "$work/q/done" -name '*.job' | wc -l)
unique=$(sort -u "$work/ledger" | wc -l)
lines=$(wc -l <"$work/ledger")
[[ $done_jobs == "$jobs" && $unique == "$jobs" && $lines == "$jobs" ]] || { echo "MISMATCH: done=$done_jobs unique=$unique runs=$lines" >&2; exit 1; }
awk -v j="$jobs" -v p="$pilots" -v s="$start" -v e="$end" \
  'BEGIN { d = e - s; printf "jobs=%d pilots=%d seconds=%.2f jobs_per_second=%.0f (each job run exactly once)\n", j, p, d, j / d }'
