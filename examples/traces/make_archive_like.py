#!/usr/bin/env python3
"""Writes an SWF trace shaped like the Parallel Workloads Archive's logs, for evaluating chains on
workloads that no setting was chosen on.

    make_archive_like.py SEED OUT.swf [--weeks N] [--procs N] [--load X]

The archive cannot be downloaded from the build machines, so this follows the published model of its
logs: Lublin and Feitelson, "The workload on parallel supercomputers: modeling the characteristics of
rigid jobs", JPDC 63(11), 2003 (batch-job parameters):
- run time: e^X seconds with X hyper-gamma, Gamma(6.57, 0.823) or Gamma(639.1, 0.0156), the second
  (long) branch more likely for small jobs: p = -0.0054 * log2(size) + 0.78;
- size: serial with p 0.24, else log2(size) two-stage uniform, powers of two with p 0.75;
- arrivals: gamma-distributed log inter-arrival times under a daily cycle (busy afternoons, quiet
  nights) and quieter weekends.
Real logs also hold flurries, one user submitting many jobs at once (Feitelson, "Workload Modeling for
Computer Systems Performance Evaluation", 2015, ch. 9): a submission is a batch of one job with p 0.7,
else of a Pareto-sized batch (up to 300) of similar jobs seconds apart. Queues follow the logs' habit of
one queue per run-time class, from the requested time: 1 short (up to 1 h), 2 medium (up to 8 h),
3 long. Some jobs failed (status 0), some were cancelled before they ran (status 5, no run time).
"""
import argparse
import math
import random

from swf_header import swf_header


LIMITS = [(3600, 1), (8 * 3600, 2), (36 * 3600, 3)]


def size(rnd, procs):
    if rnd.random() < 0.24:
        return 1
    high = math.log2(procs)
    med = high - 2.5
    log_size = rnd.uniform(0.8, med) if rnd.random() < 0.86 else rnd.uniform(med, high)
    if rnd.random() < 0.75:
        log_size = round(log_size)
    return max(1, min(procs, int(round(2 ** log_size))))


def run_time(rnd, n):
    p_short = min(1.0, max(0.0, -0.0054 * math.log2(n) + 0.78))
    x = rnd.gammavariate(6.57, 0.823) if rnd.random() < p_short else rnd.gammavariate(639.1, 0.0156)
    return max(1, min(36 * 3600, int(math.exp(x))))


def activity(t):
    # Relative arrival rate: a day peaking mid-afternoon, a night near a fifth of it, weekends at 60 %.
    day = (t / 86400) % 7
    hour = (t / 3600) % 24
    daily = 0.6 + 0.5 * math.cos(2 * math.pi * (hour - 15) / 24)
    return daily * (0.6 if day >= 5 else 1.0)


def flurry(rnd):
    if rnd.random() < 0.7:
        return 1
    return min(300, int(rnd.paretovariate(1.2)) + 1)


def jobs(rnd, weeks, procs, load):
    end = weeks * 7 * 86400
    t = 0.0
    while True:
        # Log inter-arrival time ~ Gamma(10.23, 0.4871) seconds (a submission every 15 min or so), divided
        # by the load and thinned by the daily cycle (peak 1.1).
        t += math.exp(rnd.gammavariate(10.23, 0.4871)) / 1.1 / load
        if t >= end:
            return
        if rnd.random() * 1.1 > activity(t):
            continue
        n = size(rnd, procs)
        base = run_time(rnd, n)
        at = t
        for _ in range(flurry(rnd)):
            yield at, n, max(1, int(base * rnd.lognormvariate(0, 0.3)))
            at += rnd.expovariate(1 / 15)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("out")
    parser.add_argument("--weeks", type=int, default=4)
    parser.add_argument("--procs", type=int, default=512)
    parser.add_argument("--load", type=float, default=2, help="arrival rate against the model's (default 2: about 12 jobs/h)")
    a = parser.parse_args()
    rnd = random.Random(a.seed)
    lines = []
    for i, (submit, n, run) in enumerate(sorted(jobs(rnd, a.weeks, a.procs, a.load)), start=1):
        requested = min(36 * 3600, int(run * rnd.uniform(1.2, 4)))
        queue = next(q for limit, q in LIMITS if requested <= limit)
        status, ran = 1, run
        roll = rnd.random()
        if roll < 0.03:
            status, ran = 5, -1           # cancelled while it waited
        elif roll < 0.08:
            status, ran = 0, max(1, int(run * rnd.random()))
        lines.append(" ".join(str(v) for v in [
            i, int(submit), -1, ran, n if ran > 0 else -1, -1, -1, n, requested, -1,
            status, 100 + rnd.randrange(60), 10, -1, queue, 1, -1, -1]))
    with open(a.out, "w") as f:
        f.write(swf_header(f"simulated parallel machine, {a.procs} processors (Apf scheduler lab)",
                           "examples/traces/make_archive_like.py", f"Lublin-Feitelson 2003 batch model with flurries, seed {a.seed}",
                           len(lines), a.procs, "1: short (1 h), 2: medium (8 h), 3: long (36 h)", f"{a.weeks} weeks, load {a.load}"))
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
