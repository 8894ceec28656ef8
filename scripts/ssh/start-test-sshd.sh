#!/usr/bin/env bash
# Starts a private sshd on a free loopback port for Apf's live SSH tests (idempotent).
# Generates a host key and a client test key, authorises the key for the current user, and writes
# APF_TEST_SSH=host:port:user:keyfile to $APF_TEST_SSH_DIR/env (default /tmp/apf-test-sshd/env).
# Prints "export APF_TEST_SSH=..." on stdout.
set -euo pipefail

dir="${APF_TEST_SSH_DIR:-/tmp/apf-test-sshd}"
user="$(id -un)"
log() { echo "start-test-sshd: $*" >&2; }

sshd_bin="$(command -v sshd || echo /usr/sbin/sshd)"
if [ ! -x "$sshd_bin" ] || ! command -v ssh-keygen >/dev/null; then
  if [ "$(id -u)" != 0 ]; then log "openssh-server missing and not root: cannot install"; exit 1; fi
  log "installing openssh-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq openssh-server openssh-client >/dev/null
  sshd_bin=/usr/sbin/sshd
fi

mkdir -p "$dir" && chmod 700 "$dir"
[ -f "$dir/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519"
# RSA in PEM form: the most widely readable private key format for SSH clients.
[ -f "$dir/client_rsa" ] || ssh-keygen -q -t rsa -b 3072 -m PEM -N '' -f "$dir/client_rsa"
cp "$dir/client_rsa.pub" "$dir/authorized_keys" && chmod 600 "$dir/authorized_keys"
mkdir -p /run/sshd 2>/dev/null || true

if [ -f "$dir/sshd.pid" ] && kill -0 "$(cat "$dir/sshd.pid")" 2>/dev/null && [ -f "$dir/port" ]; then
  port="$(cat "$dir/port")"
  log "sshd already running on 127.0.0.1:$port"
else
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 22222)"
  cat > "$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
Subsystem sftp internal-sftp
CONF
  "$sshd_bin" -f "$dir/sshd_config" -E "$dir/sshd.log"
  echo "$port" > "$dir/port"
  for _ in $(seq 1 50); do
    [ -f "$dir/sshd.pid" ] && break
    sleep 0.1
  done
  log "sshd started on 127.0.0.1:$port"
fi

echo "APF_TEST_SSH=127.0.0.1:$port:$user:$dir/client_rsa" > "$dir/env"
echo "export APF_TEST_SSH=127.0.0.1:$port:$user:$dir/client_rsa"
