#!/usr/bin/env python3
"""Summarises a dotnet-trace sampled-thread-time profile (speedscope JSON) of the dashboard under load: the share of
request time spent in each part of a page, and the frames where it is spent.

    python3 tests/benchmarks/profile-summary.py trace.speedscope.json

Only samples inside Kestrel's request loop count ("request time"); thread-pool idling and background work do not.
"""
import collections
import json
import sys

# First matching rule wins, innermost frames first, so a query inside the key findings counts as the findings input.
PARTS = [
    ("key findings: input queries", "DashboardQueries+<FindingsInputAsync>"),
    ("key findings: writing", "FindingsWriter"),
    ("results query", "DashboardQueries+<ResultsAsync>"),
    ("header query (organisation, facets)", "DashboardQueries+<HeaderAsync>"),
    ("question detail query", "DashboardQueries+<QuestionDetailAsync>"),
    ("rendering (Razor)", "RazorView+<RenderAsync>"),
]


def stacks(profile, frames):
    """Yields (frame names, weight) for an evented speedscope profile."""
    stack, last, weights = [], profile["startValue"], collections.Counter()
    for event in profile["events"]:
        if stack:
            weights[tuple(stack)] += event["at"] - last
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            stack.pop()
    for key, weight in weights.items():
        yield [frames[i] for i in key], weight


def main(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    frames = [frame["name"] for frame in data["shared"]["frames"]]
    parts, leaves, total = collections.Counter(), collections.Counter(), 0.0
    for profile in data["profiles"]:
        for names, weight in stacks(profile, frames):
            if not any("HttpProtocol+<ProcessRequests>" in n for n in names):
                continue
            total += weight
            part = next((label for label, marker in PARTS if any(marker in n for n in names)), "pipeline, Kestrel, other")
            parts[part] += weight
            leaf = next((n for n in reversed(names) if n not in ("CPU_TIME", "UNMANAGED_CODE_TIME")), "?")
            in_sqlite = "UNMANAGED_CODE_TIME" in names[-1:] or leaf.startswith("Microsoft.Data.Sqlite!") or "SQLitePCL" in leaf
            leaves["(inside SQLite and its ADO.NET reader)" if in_sqlite else leaf.split("(")[0]] += weight
    if total == 0:
        sys.exit("no request samples in the profile")
    print(f"{'share':>6}  part of the request")
    for label, weight in parts.most_common():
        print(f"{100 * weight / total:5.1f}%  {label}")
    print(f"\n{'share':>6}  innermost frame (top 15)")
    for name, weight in leaves.most_common(15):
        print(f"{100 * weight / total:5.1f}%  {name[:140]}")


if __name__ == "__main__":
    main(sys.argv[1])
