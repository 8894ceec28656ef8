#!/usr/bin/env bash
# Real test of the Slurm submitter image's entry point (deploy/docker/slurm-entrypoint.sh), without Docker:
# a private one-node Slurm cluster (own ports, own munged and key) stands for the site; a private mount
# namespace with an empty /run/munge and an unprivileged user stand for the container. The entry point gets the
# cluster's key "mounted" read-only, starts its own munged, and a pilot submitted with sbatch must run as the
# container user. Needs root, slurm-wlm and munge (installed from Debian when missing), util-linux unshare.
# Usage: scripts/deploy/test-slurm-entrypoint.sh        (prints "slurm-entrypoint: 1 passed, 0 failed")
set -euo pipefail
# shellcheck source=../slurm/slurm-conf.sh
source "$(dirname "$0")/../slurm/slurm-conf.sh"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
entrypoint="$repo/deploy/docker/slurm-entrypoint.sh"
user=apf-entrytest

if [ "$(id -u)" -ne 0 ]; then echo "slurm-entrypoint: needs root (daemons, namespaces)" >&2; exit 1; fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq slurm-wlm munge >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq slurm-wlm munge >/dev/null; }
fi
id "$user" >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin "$user"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
work="$(mktemp -d /tmp/apf-slurm-entry.XXXXXX)"
chmod 0755 "$work"
pids=()
cleanup() {
  for pidfile in "$work/host-munged.pid" "$work/container/munged.pid" "$work/slurmctld.pid" "$work/slurmd.pid"; do
    [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

host="$(hostname -s)"
ctld_port="$(free_port)"; slurmd_port="$(free_port)"
mkdir -p "$work/state" "$work/spool" "$work/out" "$work/container"
chown "$user" "$work/out" "$work/container"
dd if=/dev/urandom of="$work/site.key" bs=1024 count=1 status=none
chmod 0400 "$work/site.key"

# The site: its own munged on its own socket, so any munged already on this machine is left alone.
munged --force --key-file="$work/site.key" --socket="$work/host-munge.sock" --pid-file="$work/host-munged.pid" \
       --seed-file="$work/host-munged.seed" --log-file="$work/host-munged.log"

write_conf() { # $1 = file, $2 = extra line
  slurm_conf apfentry "$work" apfentry "SlurmctldPort=$ctld_port" "SlurmdPort=$slurmd_port" "$2" > "$1"
}
# Daemons authenticate through the site's munged; the container's copy of slurm.conf uses the default socket.
write_conf "$work/daemons.conf" "AuthInfo=socket=$work/host-munge.sock"
write_conf "$work/slurm.conf" ""
chmod 0644 "$work/slurm.conf"
cp "$work/site.key" "$work/mounted.key"
chmod 0444 "$work/mounted.key" # a read-only bind mount of the key, as compose mounts it

SLURM_CONF="$work/daemons.conf" slurmctld
SLURM_CONF="$work/daemons.conf" slurmd
for _ in $(seq 1 30); do
  SLURM_CONF="$work/daemons.conf" sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 1
done

# The container: private /run/munge, unprivileged user, key and slurm.conf mounted, entry point then sbatch.
set +e
unshare --mount sh -c "
  mount -t tmpfs -o mode=0755 tmpfs /run/munge && chown $user /run/munge &&
  su $user -s /bin/sh -c '
    SLURM_CONF=$work/slurm.conf MUNGE_KEY_FILE=$work/mounted.key MUNGE_STATE_DIR=$work/container \
    $entrypoint sbatch --wait --partition=apfentry --output=$work/out/pilot.out --wrap=\"id -un; echo pilot-ran\"'
" > "$work/submit.log" 2>&1
rc=$?
set -e

if [ "$rc" -eq 0 ] && grep -q "^$user\$" "$work/out/pilot.out" && grep -q "^pilot-ran\$" "$work/out/pilot.out" \
   && grep -q "started munged" "$work/submit.log"; then
  echo "slurm-entrypoint: pilot ran as $user through the container's own munged"
  echo "slurm-entrypoint: 1 passed, 0 failed"
else
  echo "slurm-entrypoint: FAIL (rc=$rc)"; cat "$work/submit.log"; cat "$work/out/pilot.out" 2>/dev/null || true
  tail -5 "$work/slurmctld.log" 2>/dev/null || true
  echo "slurm-entrypoint: 0 passed, 1 failed"
  exit 1
fi
