#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (CI has none):
#   1. installs Debian's docker-compose (1.29) when missing (apt-get, as root);
#   2. `docker-compose config -q` with dummy values for the required secrets;
#   3. checks the rules the deployment relies on (scalable submitter, healthchecks, restart policies, ordering,
#      no literal secrets) on the resolved file;
#   4. lints the Dockerfiles (scripts/deploy/lint-dockerfiles.py; hadolint is not packaged by Debian).
# Usage: scripts/deploy/validate-compose.sh        (exit 0 when everything holds)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"

if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "validate-compose: docker-compose is missing and this is not root; install Debian's docker-compose" >&2
    exit 1
  fi
  echo "validate-compose: installing Debian's docker-compose"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq docker-compose >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null; }
fi
docker-compose version --short 2>/dev/null | sed 's/^/validate-compose: docker-compose /' || true

# Dummy secrets, only for validation, in this process's environment. A developer's real .env is not read
# (--env-file points at an empty file) so real secrets never reach this output.
export APF_RABBITMQ_PASSWORD=dummy-rabbitmq-password
export APF_MONGO_PASSWORD=dummy-mongo-password
export APF_CONFIG_API_KEY=dummy-config-api-key-0123456789
export APF_OTLP_API_KEY=dummy-otlp-api-key

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
: > "$scratch/empty.env"
compose=(docker-compose --env-file "$scratch/empty.env" -f docker-compose.yml)
"${compose[@]}" config -q
echo "validate-compose: docker-compose config -q: ok"
"${compose[@]}" --profile slurm config -q
echo "validate-compose: docker-compose --profile slurm config -q: ok"

# Without the secrets compose must refuse: the :? guards are what keeps defaults from going to production.
if env -u APF_RABBITMQ_PASSWORD -u APF_MONGO_PASSWORD -u APF_CONFIG_API_KEY -u APF_OTLP_API_KEY \
     "${compose[@]}" config -q >/dev/null 2>&1; then
  echo "validate-compose: FAIL: the file resolves without secrets set" >&2
  exit 1
fi
echo "validate-compose: refuses to resolve without secrets: ok"

resolved="$scratch/resolved.yml"
"${compose[@]}" --profile slurm config > "$resolved"
python3 "$repo/scripts/deploy/check-compose-rules.py" "$resolved" "$repo/docker-compose.yml"

python3 "$repo/scripts/deploy/lint-dockerfiles.py" "$repo"/deploy/docker/*.Dockerfile
echo "validate-compose: all checks passed"
