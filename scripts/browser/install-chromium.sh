#!/usr/bin/env bash
# Installs Debian's chromium, chromium-driver and a font (the monitor page's browser tests drive them through
# Selenium). Run as root; does nothing when both are already there. Prints the environment the tests
# read on its last lines (KEY=value), as scripts/test.sh expects.
set -euo pipefail

# The fonts: the page screenshots and the scheduler lab's plots (ScottPlot) need a real font.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || [[ ! -d /usr/share/fonts/truetype/dejavu ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "chromium/chromedriver missing and not root: run this script as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
fi

chromium --version >&2
chromedriver --version >&2
echo "APF_CHROMIUM=$(command -v chromium)"
echo "APF_CHROMEDRIVER=$(command -v chromedriver)"
