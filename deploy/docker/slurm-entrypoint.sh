#!/bin/sh
# Entry point of the Slurm submitter image. Slurm's client commands (sbatch, squeue, scancel) authenticate
# through munge, so before the service starts one of these must hold:
#   1. the host's munged socket is mounted at $MUNGE_SOCKET (default /run/munge/munge.socket.2): nothing to do;
#   2. the cluster's munge key is mounted at $MUNGE_KEY_FILE (default /etc/munge/munge.key): a private munged is
#      started here, as the container user, with a copy of the key that only this user can read.
# Then slurm.conf must be mounted at $SLURM_CONF (default /etc/slurm/slurm.conf).
set -eu

socket="${MUNGE_SOCKET:-/run/munge/munge.socket.2}"
key="${MUNGE_KEY_FILE:-/etc/munge/munge.key}"
state="${MUNGE_STATE_DIR:-/var/lib/apf-munge}"
conf="${SLURM_CONF:-/etc/slurm/slurm.conf}"

if [ ! -r "$conf" ]; then
  echo "apf-slurm: no readable slurm.conf at $conf (mount the cluster's slurm.conf there)" >&2
  exit 64
fi

if [ -S "$socket" ]; then
  echo "apf-slurm: using the munge socket mounted at $socket"
elif [ -r "$key" ]; then
  mkdir -p "$state" "$(dirname "$socket")"
  chmod 0700 "$state"
  # munged refuses a key that others can read or that belongs to another user: work on a private copy.
  cp "$key" "$state/munge.key"
  chmod 0400 "$state/munge.key"
  munged --key-file="$state/munge.key" --socket="$socket" \
         --pid-file="$state/munged.pid" --seed-file="$state/munged.seed" --log-file="$state/munged.log"
  if ! munge -n --socket="$socket" >/dev/null; then
    echo "apf-slurm: munged started but a credential could not be made; see $state/munged.log" >&2
    exit 69
  fi
  echo "apf-slurm: started munged on $socket with the key mounted at $key"
else
  echo "apf-slurm: no munge socket at $socket and no readable key at $key (mount one of them)" >&2
  exit 64
fi

export SLURM_CONF="$conf"
exec "$@"
