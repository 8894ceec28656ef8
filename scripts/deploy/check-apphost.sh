#!/usr/bin/env bash
# Compile-checks the Aspire AppHost where Aspire.Hosting.MongoDB is not served (as on the build machines):
# copies aspire/Apf.AppHost into a scratch tree with stub service projects, swaps the MongoDB resource for a
# plain connection-string resource (same ConnectionStrings__apfconfig for the services), builds it against the
# real Aspire 13.6 packages and publishes the Aspire manifest, then checks the wiring the services rely on.
# Usage: scripts/deploy/check-apphost.sh [scratch-dir]     (needs the Aspire 13.6.x packages from the feed)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="${1:-$(mktemp -d)}"
mkdir -p "$scratch/aspire" "$scratch/services"
cp "$repo/global.json" "$repo/Directory.Build.props" "$repo/Directory.Packages.props" "$scratch/"
rm -rf "$scratch/aspire/Apf.AppHost"
cp -r "$repo/aspire/Apf.AppHost" "$scratch/aspire/"
rm -rf "$scratch/aspire/Apf.AppHost/bin" "$scratch/aspire/Apf.AppHost/obj"

for service in Config WmsStatus BatchStatus Scheduler Submitter Monitor; do
  dir="$scratch/services/Apf.$service"
  mkdir -p "$dir"
  printf '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n' > "$dir/Apf.$service.csproj"
  printf 'WebApplication.CreateBuilder(args).Build().Run();\n' > "$dir/Program.cs"
done

apphost="$scratch/aspire/Apf.AppHost"
sed -i '/Aspire.Hosting.MongoDB/d' "$apphost/Apf.AppHost.csproj"
python3 - "$apphost/AppHost.cs" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
mongo = re.compile(r'builder\.AddMongoDB\(ResourceNames\.Mongo\)\s*\.WithDataVolume\(\)\s*\.AddDatabase\(ResourceNames\.ApfConfig\);')
if not mongo.search(text):
    sys.exit("AppHost.cs: the MongoDB block changed; update check-apphost.sh")
open(path, "w").write(mongo.sub('builder.AddConnectionString(ResourceNames.ApfConfig);', text))
PY

dotnet build "$apphost" -nologo -v:q
dotnet run --no-build --project "$apphost" -- --publisher manifest --output-path "$scratch/manifest.json"

python3 - "$scratch/manifest.json" <<'PY'
import json, sys
resources = json.load(open(sys.argv[1]))["resources"]
failures = []
def expect(cond, what):
    if not cond: failures.append(what)
expect(resources["messaging"]["image"].endswith("-management"), "messaging runs the management image")
for name in ["config", "wmsstatus", "batchstatus", "scheduler", "submitter", "monitor"]:
    env = resources[name].get("env", {})
    expect("ConnectionStrings__messaging" in env, f"{name} gets ConnectionStrings__messaging")
    expect(env.get("Apf__Transport") == "RabbitMq", f"{name} gets Apf__Transport=RabbitMq")
    expect("http" in resources[name].get("bindings", {}), f"{name} has an http endpoint")
    if name != "config":
        expect("services__config__http__0" in env, f"{name} discovers the config service")
expect("ConnectionStrings__apfconfig" in resources["config"]["env"], "config gets ConnectionStrings__apfconfig")
expect(resources["monitor"]["bindings"]["http"].get("external") is True, "monitor is reachable from outside")
for f in failures: print("FAIL:", f)
print(f"apphost manifest: {len(resources)} resources, {len(failures)} failed checks")
sys.exit(1 if failures else 0)
PY
