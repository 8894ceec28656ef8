#!/usr/bin/env bash
# Apf pilot wrapper: validates and profiles the node, reports start/heartbeat/end, then runs the payload
# (jobs claimed one at a time from a directory queue, or a command given after "--").
# Documented in docs/local-plugins.md. Exit codes: 0 done, 64 bad usage, 69 node unfit,
# 70 pilot error, 143/130 stopped by TERM/INT.
set -euo pipefail

readonly EXIT_USAGE=64 EXIT_UNFIT=69 EXIT_ERROR=70

usage() {
  cat >&2 <<'USAGE'
usage: apf-pilot-wrapper.sh [--min-disk-mb N] [--min-memory-mb N] [--min-cpus N] [--require CMD[,CMD...]]
                            [--job-timeout SECONDS] [--lifetime SECONDS] [--heartbeat SECONDS] [-- COMMAND [ARGS...]]
Environment (all optional): APFFID APFCID FACTORYQUEUE FACTORYUSER APF_PILOT_ID APF_PILOT_DIR APF_DIRQUEUE
  APF_MONITOR_URL APF_PILOT_LIFETIME APF_JOB_TIMEOUT APF_HEARTBEAT_INTERVAL APF_MIN_DISK_MB APF_MIN_MEMORY_MB
  APF_MIN_CPUS APF_REQUIRED_COMMANDS
USAGE
}

is_count() { [[ $1 =~ ^[0-9]+$ ]]; }

min_disk_mb=${APF_MIN_DISK_MB:-100}
min_memory_mb=${APF_MIN_MEMORY_MB:-64}
min_cpus=${APF_MIN_CPUS:-1}
required_commands=${APF_REQUIRED_COMMANDS:-}
job_timeout=${APF_JOB_TIMEOUT:-3600}
lifetime=${APF_PILOT_LIFETIME:-3600}
heartbeat=${APF_HEARTBEAT_INTERVAL:-300}
payload=()

while (($# > 0)); do
  case $1 in
    --min-disk-mb) min_disk_mb=${2:?}; shift 2 ;;
    --min-memory-mb) min_memory_mb=${2:?}; shift 2 ;;
    --min-cpus) min_cpus=${2:?}; shift 2 ;;
    --require) required_commands=${2:?}; shift 2 ;;
    --job-timeout) job_timeout=${2:?}; shift 2 ;;
    --lifetime) lifetime=${2:?}; shift 2 ;;
    --heartbeat) heartbeat=${2:?}; shift 2 ;;
    --) shift; payload=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) echo "apf-pilot-wrapper: unknown argument '$1'" >&2; usage; exit $EXIT_USAGE ;;
  esac
done
for pair in "min-disk-mb:$min_disk_mb" "min-memory-mb:$min_memory_mb" "min-cpus:$min_cpus" \
            "job-timeout:$job_timeout" "lifetime:$lifetime" "heartbeat:$heartbeat"; do
  if ! is_count "${pair#*:}"; then
    echo "apf-pilot-wrapper: --${pair%%:*} expects a whole number of MB/seconds, got '${pair#*:}'" >&2
    exit $EXIT_USAGE
  fi
done

# The pilot id lands in job file names ("<job>@<pilot>.job"): keep it to a safe alphabet.
pilot_id=${APF_PILOT_ID:-${APFCID:-$(uname -n)-$$}}
pilot_id=$(printf '%s' "$pilot_id" | tr -c 'A-Za-z0-9_.-' '_')
pilot_dir=${APF_PILOT_DIR:-${TMPDIR:-/tmp}/apf-pilot-$pilot_id}
mkdir -p -- "$pilot_dir"
pilot_dir=$(cd -- "$pilot_dir" && pwd)
factory=${APFFID:-unknown}
queue=${FACTORYQUEUE:-unknown}
host=$(uname -n 2>/dev/null || echo unknown)
started_at=$(printf '%(%s)T' -1)
jobs_run=0
jobs_failed=0
current_job=""     # running/<id>@<pilot>.job while a job runs
finishing_state="" # done or failed once the job has ended and its files are being moved
current_pid=""
heartbeat_pid=""

# printf -v with %(...)T is all builtin: no process per log line or clock read.
utc_now() { TZ=UTC printf -v "$1" '%(%Y-%m-%dT%H:%M:%SZ)T' -1; }
log() { local at; utc_now at; printf '%s apf-pilot-wrapper[%s]: %s\n' "$at" "$pilot_id" "$*" >&2; }

json_string() {
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}; s=${s//$'\t'/\\t}
  s=$(printf '%s' "$s" | tr -d '\000-\037')
  printf '"%s"' "$s"
}

# --- node validation and profile --------------------------------------------------------------
cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 0)
memory_mb=$(awk '/^MemAvailable:/ {print int($2/1024); found=1} END {if (!found) print 0}' /proc/meminfo 2>/dev/null || echo 0)
disk_mb=$(df -Pk -- "$pilot_dir" 2>/dev/null | awk 'NR==2 {print int($4/1024)}')
disk_mb=${disk_mb:-0}
kernel=$(uname -sr 2>/dev/null || echo unknown)

unfit=()
((cpus >= min_cpus)) || unfit+=("$cpus CPUs, need $min_cpus")
((memory_mb >= min_memory_mb)) || unfit+=("${memory_mb} MB memory available, need $min_memory_mb")
((disk_mb >= min_disk_mb)) || unfit+=("${disk_mb} MB free disk in $pilot_dir, need $min_disk_mb")
found_commands=()
IFS=',' read -r -a wanted <<<"$required_commands"
for cmd in "${wanted[@]}"; do
  cmd=${cmd//[[:space:]]/}
  [[ -n $cmd ]] || continue
  if command -v -- "$cmd" >/dev/null 2>&1; then found_commands+=("$cmd"); else unfit+=("required command '$cmd' not found"); fi
done

profile_json() {
  printf '{"host":%s,"cpus":"%s","memoryAvailableMb":"%s","diskFreeMb":"%s","kernel":%s,"commands":%s,"pilotDir":%s}' \
    "$(json_string "$host")" "$cpus" "$memory_mb" "$disk_mb" "$(json_string "$kernel")" \
    "$(json_string "${found_commands[*]:-}")" "$(json_string "$pilot_dir")"
}
profile_json >"$pilot_dir/profile.json"

# --- reporting: always to events.jsonl, also to the monitor when one is given -----------------
report() { # kind [exit code] [message]
  local kind=$1 code=${2:-} message=${3:-} body at
  utc_now at
  body=$(printf '{"factory":%s,"queue":%s,"pilotId":%s,"kind":"%s","at":"%s","exitCode":%s,"jobsRun":%d,"jobsFailed":%d,"host":%s,"profile":%s,"message":%s}' \
    "$(json_string "$factory")" "$(json_string "$queue")" "$(json_string "$pilot_id")" "$kind" \
    "$at" "${code:-null}" "$jobs_run" "$jobs_failed" "$(json_string "$host")" \
    "$(profile_json)" "$( [[ -n $message ]] && json_string "$message" || echo null)")
  printf '%s\n' "$body" >>"$pilot_dir/events.jsonl" || true
  if [[ -n ${APF_MONITOR_URL:-} ]] && command -v curl >/dev/null 2>&1; then
    # A monitor that is down must never cost the pilot: short timeout, errors ignored.
    curl -fsS -m 5 -o /dev/null -H 'Content-Type: application/json' --data-binary "$body" \
      -- "${APF_MONITOR_URL%/}/api/pilots/events" 2>/dev/null || log "could not report '$kind' to $APF_MONITOR_URL"
  fi
}

if ((${#unfit[@]} > 0)); then
  message="node unfit: $(printf '%s; ' "${unfit[@]}")"
  message=${message%; }
  log "$message"
  report end $EXIT_UNFIT "$message"
  exit $EXIT_UNFIT
fi

# --- stopping: a job being run goes back to ready/, never half-claimed -------------------------
stop_heartbeat() {
  if [[ -n $heartbeat_pid ]]; then kill -KILL "$heartbeat_pid" 2>/dev/null || true; wait "$heartbeat_pid" 2>/dev/null || true; fi
  heartbeat_pid=""
}

job_name() { local base=${1##*/}; printf '%s' "${base%@*}"; } # running/<id>@<pilot>.job -> <id>

release_job() { # put the current job back in ready/ as it was (same attempt)
  [[ -n $current_job ]] || return 0
  local id; id=$(job_name "$current_job")
  if [[ -n $finishing_state ]]; then
    # The job had ended: finish its move instead of running it again.
    [[ -e $queue_dir/$finishing_state/$id.exit ]] || printf '%s\n' "$code" >"$queue_dir/$finishing_state/$id.exit" 2>/dev/null || true
    [[ ! -e ${current_job%.job}.out ]] || mv -- "${current_job%.job}.out" "$queue_dir/$finishing_state/$id.out" 2>/dev/null || true
    mv -- "$current_job" "$queue_dir/$finishing_state/$id.job" 2>/dev/null || true
  else
    rm -f -- "${current_job%.job}.out" 2>/dev/null || true
    mv -- "$current_job" "$queue_dir/ready/$id.job" 2>/dev/null || true
  fi
  rm -f -- "$pilot_dir/current-job" "$pilot_dir/current-job-pgid" 2>/dev/null || true
  current_job=""
}

on_signal() {
  # Not named "code": that is the ended job's exit code, which release_job may still need.
  local signal=$1 exit_with=$2
  trap '' TERM INT
  log "received $signal: stopping"
  if [[ -n $current_pid ]]; then
    # The job runs in its own process group (timeout makes one): stop it as a whole. Only wait for a
    # process that still exists: bash's "wait PID" for a child it already reaped blocks on any child.
    if kill -TERM -- "-$current_pid" 2>/dev/null || kill -TERM "$current_pid" 2>/dev/null; then
      wait "$current_pid" 2>/dev/null || true
    fi
  fi
  release_job
  stop_heartbeat
  report end "$exit_with" "stopped by $signal"
  exit "$exit_with"
}
trap 'on_signal TERM 143' TERM
trap 'on_signal INT 130' INT

: >"$pilot_dir/started"
report start "" "pilot started"

if ((heartbeat > 0)); then
  (
    # No child to leave behind: "read -t" on a pipe nobody writes is bash's own sleep, so stopping this
    # loop is one SIGKILL, with no trap to race against.
    while :; do
      read -rt "$heartbeat" <> <(:) || true
      jobs_run=0 jobs_failed=0
      read -r jobs_run jobs_failed 2>/dev/null <"$pilot_dir/counters" || true
      report heartbeat "" ""
    done
  ) </dev/null >/dev/null 2>>"$pilot_dir/heartbeat.err" &
  heartbeat_pid=$!
fi

deadline=$((started_at + lifetime))
end_message=""

run_directory_queue() {
  local name id claimed code state remaining limit out work now
  for state in ready running done failed; do
    [[ -d $queue_dir/$state ]] || { end_message="directory queue $queue_dir has no $state/ folder"; return $EXIT_ERROR; }
  done
  while :; do
    printf -v now '%(%s)T' -1
    remaining=$((deadline - now))
    if ((remaining <= 0)); then end_message="lifetime of ${lifetime}s reached"; return 0; fi
    claimed=""
    # Oldest names first; the rename is the claim: of two pilots renaming the same file, one fails.
    # Globs expand sorted and skip dot files (jobs being written); no match leaves the pattern itself.
    for name in "$queue_dir"/ready/*.job; do
      [[ -e $name ]] || continue
      name=${name##*/}
      id=${name%.job}
      # Set before the rename: a signal right after it must still find the job to put back.
      current_job="$queue_dir/running/$id@$pilot_id.job"
      if mv -- "$queue_dir/ready/$name" "$current_job" 2>/dev/null; then
        claimed=$current_job; break
      fi
      current_job=""
    done
    if [[ -z $claimed ]]; then
      ((jobs_run > 0)) && end_message="no job left" || end_message="empty pilot: no job found"
      return 0
    fi
    printf '%s\n' "$id" >"$pilot_dir/current-job"
    limit=$job_timeout
    ((remaining < limit)) && limit=$remaining
    out="${claimed%.job}.out"
    log "running job $id (timeout ${limit}s)"
    set +e
    work="$pilot_dir/work/$id"
    mkdir -p -- "$work"
    # timeout puts the job in a process group of its own, so it can be stopped as a whole.
    (cd -- "$work" && APF_JOB_ID=$id exec timeout --kill-after=10 "$limit" bash -- "$claimed") </dev/null >"$out" 2>&1 &
    current_pid=$!
    printf '%s\n' "$current_pid" >"$pilot_dir/current-job-pgid"
    wait "$current_pid"
    code=$?
    set -e
    current_pid=""
    if ((code == 124)) && ((limit < job_timeout)) && { printf -v now '%(%s)T' -1; ((now >= deadline)); }; then
      # Cut short by the pilot's lifetime, not by the job: another pilot may run it whole.
      log "job $id cut by the pilot lifetime: back to ready/"
      release_job
      end_message="lifetime of ${lifetime}s reached"
      return 0
    fi
    jobs_run=$((jobs_run + 1))
    if ((code == 0)); then state=done; else state=failed; jobs_failed=$((jobs_failed + 1)); fi
    # Outputs first, the job file last: a job seen in done/ or failed/ always has its outputs beside it.
    finishing_state=$state
    mv -- "$out" "$queue_dir/$state/$id.out"
    printf '%s\n' "$code" >"$queue_dir/$state/$id.exit"
    mv -- "$claimed" "$queue_dir/$state/$id.job"
    current_job="" finishing_state=""
    rm -f -- "$pilot_dir/current-job" "$pilot_dir/current-job-pgid"
    rm -rf -- "$work"
    printf '%d %d\n' "$jobs_run" "$jobs_failed" >"$pilot_dir/counters"
    log "job $id ended with exit code $code: $state/"
  done
}

exit_code=0
queue_dir=""
if [[ -n ${APF_DIRQUEUE:-} ]]; then
  queue_dir=$(cd -- "$APF_DIRQUEUE" 2>/dev/null && pwd) || queue_dir=$APF_DIRQUEUE
  run_directory_queue || exit_code=$?
elif ((${#payload[@]} > 0)); then
  printf 'payload\n' >"$pilot_dir/current-job"
  set +e
  "${payload[@]}" &
  current_pid=$!
  wait "$current_pid"
  exit_code=$?
  set -e
  current_pid=""
  rm -f -- "$pilot_dir/current-job"
  jobs_run=1
  ((exit_code == 0)) || jobs_failed=1
  end_message="payload ended with exit code $exit_code"
else
  end_message="empty pilot: no payload (APF_DIRQUEUE not set, no command given)"
fi

stop_heartbeat
log "$end_message"
report end "$exit_code" "$end_message"
exit "$exit_code"
