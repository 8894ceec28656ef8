#!/usr/bin/env bash
# Apf local-process launcher: started by the LocalProcess submit plugin under `setsid`, so this
# process leads the pilot's own process group. It keeps the pilot's bookkeeping in PILOT_DIR
# (pid, launched, started, ended, exitcode) and its output in the given files.
# Everything arrives as arguments; nothing here is evaluated as shell text.
# usage: apf-local-launcher.sh PILOT_DIR OUT_FILE ERR_FILE LOG_FILE MARK_START(yes|no) EXECUTABLE [ARGS...]
set -uo pipefail

pilot_dir=$1 out_file=$2 err_file=$3 log_file=$4 mark_start=$5
shift 5

write() { # file value: written whole or not at all, for readers in other processes
  printf '%s\n' "$2" >"$pilot_dir/.$1.$$.tmp" && mv -f -- "$pilot_dir/.$1.$$.tmp" "$pilot_dir/$1"
}
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

exec </dev/null >>"$out_file" 2>>"$err_file"
write pid "$$"
write launched "$(now)"
[[ $mark_start == yes ]] && write started "$(now)"
printf '%s launched pid %s: %s\n' "$(now)" "$$" "$1" >>"$log_file"

# The factory stops a pilot by signalling this group: the wrapper gets the signal too and handles it;
# this launcher only waits for it to end so the exit code is still recorded.
trap 'printf "%s launcher got a stop signal\n" "$(now)" >>"$log_file"' TERM INT HUP
"$@" &
child=$!
while :; do
  wait "$child"
  code=$?
  # wait returns early (>128) when a trapped signal arrives; the child may still be running.
  kill -0 "$child" 2>/dev/null || break
done
write ended "$(now)"
write exitcode "$code"
printf '%s ended with exit code %s\n' "$(now)" "$code" >>"$log_file"
exit "$code"
