#!/usr/bin/env python3
"""Loads a running monitor with pilot reports and times its answers.

usage: load-monitor.py URL [QUEUES] [PILOTS]
Posts a start and an end for PILOTS pilots spread over QUEUES queues (keep-alive, one connection), then
times GET /api/queues, /api/queues/q0, /api/pilots?limit=50 and /metrics (median of 20)."""
import http.client, json, statistics, sys, time, urllib.parse

url = urllib.parse.urlparse(sys.argv[1])
queues = int(sys.argv[2]) if len(sys.argv) > 2 else 200
pilots = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
conn = http.client.HTTPConnection(url.hostname, url.port)

def post(body):
    conn.request("POST", "/api/pilots/events", json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse(); response.read()
    assert response.status == 202, response.status

started = time.perf_counter()
for i in range(pilots):
    base = {"factory": "load", "queue": f"q{i % queues}", "pilotId": f"p{i}", "host": f"node-{i % 50}", "profile": {"cpus": "4"}}
    post(base | {"kind": "start"})
    if i % 2 == 0: post(base | {"kind": "end", "exitCode": 0, "jobsRun": i % 3})
posted = time.perf_counter() - started
print(f"posted {pilots + pilots // 2} reports in {posted:.1f} s ({(pilots + pilots // 2) / posted:.0f}/s)")

time.sleep(2)
for path in ["/api/queues", "/api/queues/q0", "/api/pilots?limit=50", "/metrics"]:
    times = []
    for _ in range(20):
        t = time.perf_counter()
        conn.request("GET", path); body = conn.getresponse().read()
        times.append(time.perf_counter() - t)
    print(f"GET {path}: median {statistics.median(times) * 1000:.1f} ms, {len(body)} bytes")
