#!/usr/bin/env bash
# Starts a private one-node Slurm cluster for Apf's live Slurm tests (idempotent).
# Writes SLURM_CONF=... to $APF_TEST_SLURM_DIR/env (default /tmp/apf-test-slurm/env); tests read that
# file or the APF_TEST_SLURM_CONF variable. Prints "export SLURM_CONF=..." on stdout.
set -euo pipefail
# shellcheck source=slurm-conf.sh
source "$(dirname "${BASH_SOURCE[0]}")/slurm-conf.sh"

dir="${APF_TEST_SLURM_DIR:-/tmp/apf-test-slurm}"
conf="$dir/slurm.conf"
node="$(hostname -s)"
log() { echo "start-test-slurm: $*" >&2; }

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  if [ "$(id -u)" != 0 ]; then log "slurm-wlm/munge missing and not root: cannot install"; exit 1; fi
  log "installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  # Other jobs on the machine may hold apt's locks: wait for them instead of failing.
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq slurm-wlm munge >/dev/null
fi

mkdir -p "$dir/state" "$dir/spool" "$dir/jobcomp"
slurm_conf apf "$dir" debug \
  "JobCompType=jobcomp/filetxt" "JobCompLoc=$dir/jobcomp/jobcomp.log" \
  "MinJobAge=300" "MaxArraySize=10001" "MaxJobCount=20000" > "$conf.new"
# Only replace the file when it changed, so a running cluster is not disturbed by a second run.
changed=no
if [ -f "$conf" ] && cmp -s "$conf" "$conf.new"; then rm "$conf.new"; else mv "$conf.new" "$conf"; changed=yes; fi
export SLURM_CONF="$conf"

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if ! pgrep -x munged >/dev/null; then
  log "starting munged"
  mkdir -p /run/munge && chown munge:munge /run/munge 2>/dev/null || true
  if id munge >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    runuser -u munge -- munged --force 2>/dev/null || munged --force
  else
    munged --force
  fi
fi
if alive "$dir/slurmctld.pid"; then
  if [ "$changed" = yes ]; then log "slurm.conf changed: reconfiguring"; scontrol reconfigure || true; fi
else
  log "starting slurmctld"; slurmctld
fi
alive "$dir/slurmd.pid" || { log "starting slurmd"; slurmd; }

for _ in $(seq 1 60); do
  state="$(sinfo -h -n "$node" -o '%t' 2>/dev/null | head -n1 || true)"
  case "$state" in
    idle|mix|alloc|idle\*) break ;;
    down*|drain*) scontrol update nodename="$node" state=resume >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
state="$(sinfo -h -n "$node" -o '%t' 2>/dev/null | head -n1 || true)"
case "$state" in
  idle|mix|alloc) ;;
  *) log "node $node not ready (state '$state'); see $dir/slurmctld.log and $dir/slurmd.log"; exit 1 ;;
esac

echo "SLURM_CONF=$conf" > "$dir/env"
log "node $node is $state; env written to $dir/env"
echo "export SLURM_CONF=$conf"
