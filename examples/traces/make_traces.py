#!/usr/bin/env python3
"""Writes the small SWF traces of this folder (seeded: running it again gives the same files).

The Parallel Workloads Archive cannot be downloaded from the build machines, so these traces imitate
grid workloads in the archive's Standard Workload Format: 18 fields per job, -1 for missing values,
';' comment lines with the header fields the archive uses.
"""
import math
import random

from swf_header import swf_header


def write(name, seed, queues, note, arrivals):
    rnd = random.Random(seed)
    jobs = sorted(arrivals(rnd))
    lines = []
    for i, (t, q, run) in enumerate(jobs, start=1):
        missing_run = rnd.random() < 0.02          # some logs lose the run time: the reader falls back to the request
        req = int(run * (1.5 + rnd.random()))
        lines.append(" ".join(str(v) for v in [
            i, int(t), -1, -1 if missing_run else int(run), 1, -1, -1, 1, req, -1,
            1, 100 + rnd.randrange(20), 10, -1, q, 1, -1, -1]))
    queue_text = ", ".join(f"{q}: {d}" for q, d in queues.items())
    with open(name, "w") as f:
        f.write(swf_header("simulated grid site (Apf scheduler lab)", f"examples/traces/{name}",
                           f"written by examples/traces/make_traces.py, seed {seed}", len(lines), 1000, queue_text, note))
        f.write("\n".join(lines) + "\n")


def lognormal(rnd, mean, sigma=1.0):
    return max(30, rnd.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma))


def analysis_bursts(rnd):
    # Two analysis queues: users submit task bursts of 20-150 short jobs, more by day.
    out = []
    for q in (1, 2):
        t = 0.0
        while t < 86400:
            t += rnd.expovariate(1 / 2400)
            size = rnd.randint(20, 150)
            for _ in range(size):
                out.append((t + rnd.random() * 240, q, lognormal(rnd, 900)))
    return [j for j in out if j[0] < 86400]


def production_steady(rnd):
    # Three production queues: steady Poisson arrivals of long simulation jobs, different rates.
    out = []
    for q, per_hour in ((1, 12), (2, 25), (3, 40)):
        t = rnd.expovariate(per_hour / 3600)
        while t < 86400:
            out.append((t, q, lognormal(rnd, 3 * 3600, 0.6)))
            t += rnd.expovariate(per_hour / 3600)
    return out


def mixed_day(rnd):
    # Four queues over a day: a day/night cycle, a quiet queue, and a midday flood on queue 4.
    out = []
    for q, per_hour in ((1, 30), (2, 60), (3, 5), (4, 15)):
        peak = per_hour * 1.8 / 3600
        t = 0.0
        while True:
            t += rnd.expovariate(peak)
            if t >= 86400:
                break
            rate = per_hour / 3600 * (1 - 0.8 * math.cos(2 * math.pi * t / 86400))
            if rnd.random() * peak < rate:
                out.append((t, q, lognormal(rnd, 1800)))
    for _ in range(400):
        out.append((43200 + rnd.random() * 600, 4, lognormal(rnd, 600)))
    return out


write("analysis-bursts.swf", 11, {1: "analysis A", 2: "analysis B"}, "bursts of short user-analysis jobs", analysis_bursts)
write("production-steady.swf", 12, {1: "prod low", 2: "prod mid", 3: "prod high"}, "steady long production jobs", production_steady)
write("mixed-day.swf", 13, {1: "day/night", 2: "day/night busy", 3: "quiet", 4: "midday flood"}, "a day with a day/night cycle and a flood at noon", mixed_day)
