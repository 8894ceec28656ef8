#!/usr/bin/env python3
"""Rules the Apf compose deployment relies on, checked on the resolved file (docker-compose config output).

usage: check-compose-rules.py RESOLVED.yml SOURCE.yml
"""
import re
import sys

import yaml

APF_SERVICES = ["config", "wmsstatus", "batchstatus", "scheduler", "submitter", "submitter-slurm", "monitor"]
SCALABLE = ["submitter", "submitter-slurm"]
REQUIRED_ENV = ["Apf__Transport", "ConnectionStrings__messaging", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME"]
SECRET_VARS = ["APF_RABBITMQ_PASSWORD", "APF_MONGO_PASSWORD", "APF_CONFIG_API_KEY", "APF_OTLP_API_KEY"]


def env_of(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return env


def main(resolved_path, source_path):
    resolved = yaml.safe_load(open(resolved_path))
    source = open(source_path).read()
    services = resolved["services"]
    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)

    for name in ["rabbitmq", "mongo", "dashboard", *APF_SERVICES]:
        expect(name in services, f"service {name} is defined")
    for name in APF_SERVICES + ["rabbitmq", "mongo"]:
        service = services.get(name, {})
        expect("healthcheck" in service, f"{name} has a healthcheck")
        expect(service.get("restart") in ("unless-stopped", "always", "on-failure"), f"{name} has a restart policy")
    for name in APF_SERVICES:
        service = services.get(name, {})
        env = env_of(service)
        for key in REQUIRED_ENV:
            expect(key in env, f"{name} sets {key}")
        expect(env.get("Apf__Transport") == "RabbitMq", f"{name} uses the RabbitMq transport")
        expect(str(env.get("ConnectionStrings__messaging", "")).startswith("amqp://"), f"{name}: messaging is an AMQP URI")
        depends = service.get("depends_on") or {}
        expect(isinstance(depends, dict) and depends.get("rabbitmq", {}).get("condition") == "service_healthy",
               f"{name} waits for a healthy broker")
        if name != "config":
            expect(depends.get("config", {}).get("condition") == "service_healthy", f"{name} waits for a healthy config service")
    expect(str(env_of(services.get("config", {})).get("ConnectionStrings__apfconfig", "")).startswith("mongodb://"),
           "config reads ConnectionStrings__apfconfig as a MongoDB URI")
    expect(services.get("config", {}).get("depends_on", {}).get("mongo", {}).get("condition") == "service_healthy",
           "config waits for a healthy MongoDB")
    for name in SCALABLE:
        service = services.get(name, {})
        expect("container_name" not in service, f"{name} has no container_name (it must scale)")
        expect(not service.get("ports"), f"{name} publishes no host port (it must scale)")
    expect(services.get("rabbitmq", {}).get("image", "").endswith("-management"), "rabbitmq runs the management image")
    expect("OTEL_EXPORTER_OTLP_ENDPOINT" in str(services.get("monitor", {})), "monitor exports telemetry")

    # Secrets only by reference: each secret variable is required (${VAR:?...}) and never given a default.
    for var in SECRET_VARS:
        expect(re.search(r"\$\{" + var + r":\?", source) is not None, f"{var} is required with ${{{var}:?}}")
        expect(re.search(r"\$\{" + var + r":?-", source) is None, f"{var} has no default value")

    for failure in failures:
        print(f"check-compose-rules: FAIL: {failure}")
    checked = len(services)
    print(f"check-compose-rules: {checked} services, {len(failures)} failed rules")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
