#!/usr/bin/env python3
"""A few hadolint-style rules for the Apf Dockerfiles (hadolint itself is not packaged by Debian).

Rules: base images pinned by tag (never :latest or untagged); the final stage switches to a non-root USER and
has a HEALTHCHECK and an exec-form ENTRYPOINT; apt-get install uses -y and --no-install-recommends and the
same RUN removes /var/lib/apt/lists; no ADD of remote URLs; no secrets in ENV/ARG names.
usage: lint-dockerfiles.py FILE...
"""
import re
import sys


def instructions(text):
    """(line number, keyword, arguments) per instruction, continuation lines joined, comments dropped."""
    result, buffer, start = [], "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not buffer and (not line or line.startswith("#")):
            continue
        if buffer and line.startswith("#"):
            continue
        if not buffer:
            start = number
        buffer += " " + line.rstrip("\\").strip()
        if not line.endswith("\\"):
            keyword, _, args = buffer.strip().partition(" ")
            result.append((start, keyword.upper(), args.strip()))
            buffer = ""
    return result


def lint(path):
    problems = []
    items = instructions(open(path).read())
    args = {}
    stages = []
    for number, keyword, rest in items:
        if keyword == "ARG":
            name, _, default = rest.partition("=")
            args[name] = default
            if re.search(r"(PASSWORD|SECRET|TOKEN|KEY)$", name, re.I):
                problems.append((number, f"ARG {name} looks like a secret (build args end up in the image history)"))
        elif keyword == "FROM":
            image = rest.split()[0]
            expanded = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), ""), image)
            stages.append({"line": number, "from": expanded, "user": None, "healthcheck": False, "entrypoint": None})
            if expanded.endswith(":latest") or (":" not in expanded.split("/")[-1] and "@" not in expanded
                                                and expanded not in {s.get("name") for s in stages}):
                problems.append((number, f"base image {expanded} is not pinned to a tag"))
            parts = rest.split()
            if len(parts) >= 3 and parts[1].upper() == "AS":
                stages[-1]["name"] = parts[2]
        elif keyword == "USER" and stages:
            stages[-1]["user"] = rest
        elif keyword == "HEALTHCHECK" and stages:
            stages[-1]["healthcheck"] = True
        elif keyword == "ENTRYPOINT" and stages:
            stages[-1]["entrypoint"] = rest
        elif keyword == "ENV" and re.search(r"\b\w*(PASSWORD|SECRET|TOKEN)\w*\s*=", rest, re.I):
            problems.append((number, "ENV sets what looks like a secret"))
        elif keyword == "ADD" and re.search(r"https?://", rest):
            problems.append((number, "ADD of a remote URL (use a pinned download with a checksum)"))
        elif keyword == "RUN" and "apt-get install" in rest:
            if not re.search(r"apt-get install[^&;]*\s-y\b", rest):
                problems.append((number, "apt-get install without -y"))
            if "--no-install-recommends" not in rest:
                problems.append((number, "apt-get install without --no-install-recommends"))
            if "rm -rf /var/lib/apt/lists" not in rest:
                problems.append((number, "apt lists not removed in the same RUN"))
    if not stages:
        problems.append((1, "no FROM"))
    else:
        final = stages[-1]
        if final["user"] in (None, "root", "0"):
            problems.append((final["line"], "final stage runs as root (add USER)"))
        if not final["healthcheck"]:
            problems.append((final["line"], "final stage has no HEALTHCHECK"))
        if not final["entrypoint"] or not final["entrypoint"].startswith("["):
            problems.append((final["line"], "final stage needs an exec-form ENTRYPOINT"))
    return problems


def main(paths):
    total = 0
    for path in paths:
        problems = lint(path)
        total += len(problems)
        for number, message in problems:
            print(f"{path}:{number}: {message}")
    print(f"lint-dockerfiles: {len(paths)} files, {total} problems")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
