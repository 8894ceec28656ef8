#!/usr/bin/env bash
# Installs Debian's rabbitmq-server when it is missing (run as root). Starts nothing: the tests'
# RabbitMqBroker fixture starts a private broker on free ports and stops it afterwards.
set -euo pipefail

if command -v rabbitmq-server >/dev/null 2>&1; then
  echo "rabbitmq-server already installed: $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo unknown)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-rabbitmq.sh: rabbitmq-server is missing and installing it needs root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends rabbitmq-server
# The package tries to start its service; there is no init system here, so nothing runs afterwards.
echo "rabbitmq-server installed: $(dpkg-query -W -f='${Version}' rabbitmq-server)"
