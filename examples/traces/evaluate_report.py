#!/usr/bin/env python3
"""Prints evaluate.sh's report from the summary CSV of `apf simulate --summary`.

Usage: evaluate_report.py summary.csv [frontier]
A chain beats an anchor on a workload when its job-wait p95 and its empty-pilot fraction are both
strictly lower. The anchors: APF's usual chain as ATLAS configured it (MinPerCycle 0, MaxPerCycle 50),
the same chain sending a pilot every cycle (MinPerCycle 1), and KEDA's accurate strategy. Wins are
counted against APF with its ATLAS defaults and KEDA, against APF with MinPerCycle 1 and KEDA, and against all three.
"""
import collections
import csv
import re
import sys

APF_ATLAS = "Ready,MaxPerCycle,MinPerCycle,MaxPending;sched.minpercycle.minimum=0;sched.maxpercycle.maximum=50"
APF_EVERY_CYCLE = "Ready,MaxPerCycle,MinPerCycle,MaxPending"
KEDA = "KedaAccurate"
ANCHORS = [APF_ATLAS, APF_EVERY_CYCLE, KEDA]
PAIRINGS = [("APF (ATLAS defaults) and KEDA", [APF_ATLAS, KEDA]),
            ("APF (MinPerCycle 1) and KEDA", [APF_EVERY_CYCLE, KEDA]),
            ("all three", ANCHORS)]
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def label(workload, settings):
    """The workload's name as the table shows it: its description and what else shaped the run."""
    parts = workload.split(", ")
    synthetic = parts[0].startswith("synthetic")
    name = ", ".join(parts[:2] + [p for p in parts[2:] if p.endswith("jobs/h/queue") or p.endswith("min jobs")]) if synthetic else parts[0]
    extra = [s for s in settings.split("; ") if s and not (s == "seed 1" or (synthetic and s.startswith("seed ")))]
    return name + (" (" + ", ".join(extra) + ")" if extra else "")


def natural(text):
    """Sort key: synthetic workloads by shape, then traces; numbers compared as numbers."""
    shape = next((i for i, s in enumerate(("steady", "bursty", "diurnal")) if f"synthetic {s} " in text), 3)
    return [shape] + [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


def load(path):
    rows = collections.defaultdict(dict)
    for r in csv.DictReader(open(path)):
        rows[label(r["workload"], r.get("settings", ""))][r["chain"]] = r
    # Parallel runs append in any order: sort, so the same runs always print the same table.
    return collections.OrderedDict(sorted(rows.items(), key=lambda kv: natural(kv[0])))


def beats(d, chain, anchors=ANCHORS):
    return all(float(d[chain]["wait_p95_s"]) < float(d[o]["wait_p95_s"])
               and float(d[chain]["empty_fraction"]) < float(d[o]["empty_fraction"]) for o in anchors)


def frontier(by):
    print("| workload | default beats all three | settings that beat all three | which (besides the default) |")
    print("|---|---|---:|---|")
    for w, d in by.items():
        settings = [c for c in d if c not in ANCHORS]
        winners = [c for c in settings if beats(d, c)]
        others = ", ".join(c.split(";", 1)[1].replace("sched.forecast.", "") for c in winners if ";" in c)
        print(f"| {w} | {'yes' if beats(d, settings[0]) else 'no'} | {len(winners)} of {len(settings)} | {others if len(winners) <= 3 else '...'} |")


def table(by):
    chains = list(next(iter(by.values())).keys())
    for i, c in enumerate(chains):
        print(f"- **{LETTERS[i]}**: `{c}`")
    print()
    print("| workload | " + " | ".join(f"{LETTERS[i]} p95 / empty / peak pending" for i in range(len(chains))) + " |")
    print("|---|" + "---:|" * len(chains))
    for w, d in by.items():
        cells = [f"{float(d[c]['wait_p95_s']) / 60:.1f} min / {100 * float(d[c]['empty_fraction']):.1f} % / {d[c]['peak_pending_queue']}" for c in chains]
        print(f"| {w} | " + " | ".join(cells) + " |")
    print()
    for i, c in enumerate(chains):
        if c in ANCHORS:
            continue
        wins = ", ".join(f"{name} in {sum(beats(d, c, anchors) for d in by.values())}" for name, anchors in PAIRINGS)
        p95 = ", ".join(f"{sum(float(d[c]['wait_p95_s']) / max(1.0, float(d[a]['wait_p95_s'])) for d in by.values()) / len(by):.3f} x {name}"
                        for name, a in (("APF (ATLAS defaults)", APF_ATLAS), ("APF (MinPerCycle 1)", APF_EVERY_CYCLE)))
        empty = sum(float(d[c]["empty_fraction"]) for d in by.values()) / len(by)
        print(f"{LETTERS[i]} beats on p95 and empty fraction at once, of {len(by)} workloads: {wins} "
              f"(mean p95 {p95}; mean empty fraction {100 * empty:.2f} %).")


if __name__ == "__main__":
    data = load(sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "frontier":
        frontier(data)
    else:
        table(data)
