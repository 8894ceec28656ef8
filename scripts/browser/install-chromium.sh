#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver (the monitor page's browser tests drive them through
# Selenium). Run as root; does nothing when both are already there. Prints the environment the tests
# read on its last lines (KEY=value), as scripts/test.sh expects.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "chromium/chromedriver missing and not root: run this script as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi

chromium --version >&2
chromedriver --version >&2
echo "APF_CHROMIUM=$(command -v chromium)"
echo "APF_CHROMEDRIVER=$(command -v chromedriver)"
