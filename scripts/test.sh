#!/usr/bin/env bash
# Runs every test of Apf. Installs and starts what the tests need (as root, with apt-get), so it works
# the same on a fresh machine and in CI:
#   - a one-node Slurm cluster and munge (live Slurm tests)
#   - rabbitmq-server (the tests start private brokers on free ports)
#   - openssh-server (a private loopback sshd for the SSH submit tests)
#   - chromium and chromedriver (the monitor page is tested in a real headless browser)
# MongoDB and HTCondor cannot be installed on Debian 12 machines: their tests say so and skip, unless
# APF_TEST_MONGO (a connection string) is set or a Docker engine answers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

for setup in scripts/rabbitmq/install-rabbitmq.sh scripts/slurm/start-test-slurm.sh scripts/ssh/start-test-sshd.sh scripts/browser/install-chromium.sh; do
  if [[ -x "$setup" ]]; then
    echo "== $setup"
    # Each setup script prints the environment the tests need (KEY=value lines) on its last lines.
    while IFS= read -r line; do
      if [[ "$line" =~ ^(export\ )?(APF_[A-Z_]+|SLURM_CONF)=(.*)$ ]]; then export "${BASH_REMATCH[2]}=${BASH_REMATCH[3]}"; echo "   $line"; fi
    done < <("$setup")
  fi
done

results="$(mktemp -d)"
status=0
dotnet build Apf.sln -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet test Apf.sln -c Release --no-build --nologo --logger "console;verbosity=normal" --logger trx --results-directory "$results" 2>&1 | tee "$results/output.txt" || status=$?

# A test that fails is run once more, alone. One that then passes is reported as flaky by name (it is
# a bug to fix, not a pass to forget); one that fails again fails the run.
mapfile -t failed < <(sed -n 's/^  Failed \([^ ]*\) \[.*/\1/p' "$results/output.txt" | sed 's/(.*//' | sort -u)
if [[ $status -ne 0 && ${#failed[@]} -gt 0 && ${#failed[@]} -le 5 ]]; then
  filter="$(printf 'FullyQualifiedName=%s|' "${failed[@]}")"
  echo "== running again, alone: ${failed[*]}"
  status=0
  dotnet test Apf.sln -c Release --no-build --nologo --logger "console;verbosity=normal" --filter "${filter%|}" > "$results/rerun.txt" 2>&1 || status=$?
  cat "$results/rerun.txt"
  if [[ $status -eq 0 ]]; then
    for name in "${failed[@]}"; do echo "flaky: $name failed, then passed when run again alone"; done
    # Count each of them once, as passed.
    sed -i "s/^ *Failed: *[0-9]* *$//" "$results/output.txt"
    echo "     Passed: ${#failed[@]}" >> "$results/output.txt"
  else
    sed -i "s/^ *Failed: *[0-9]* *$//" "$results/output.txt"
    grep -E "^ *Failed: *[0-9]+ *$" "$results/rerun.txt" >> "$results/output.txt" || echo "     Failed: ${#failed[@]}" >> "$results/output.txt"
  fi
fi

# Checks that are not .NET tests: the compose file, and the Slurm submitter image's entry point.
for check in scripts/deploy/validate-compose.sh scripts/deploy/test-slurm-entrypoint.sh; do
  echo "== $check"
  if bash "$check" > "$results/check.txt" 2>&1; then
    echo "check $check: 1 passed, 0 failed" | tee -a "$results/output.txt"
  else
    cat "$results/check.txt"
    echo "check $check: 0 passed, 1 failed" | tee -a "$results/output.txt"
    status=1
  fi
done

# What was skipped, and why (the reason each test gave), from the TRX reports.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") == "NotExecuted":
            reason = " ".join((r.findtext(".//t:Message", "", ns) or "").split())
            print(f"skipped: {r.get('testName')}: {reason[:300]}")
PY

# One plain closing line over every test assembly and check.
awk '/^ *(Passed|Failed|Skipped): *[0-9]+ *$/ { gsub(":", "", $1); n[$1] += $2 }
     /^check / { n["Passed"] += $(NF-3); n["Failed"] += $(NF-1) }
     END { printf "%d passed, %d failed, %d skipped\n", n["Passed"], n["Failed"], n["Skipped"] }' "$results/output.txt"
exit $status
