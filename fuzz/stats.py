#!/usr/bin/env python3
"""Appends one run's executions (libFuzzer's `stat::number_of_executed_units`, summed over the
parallel jobs in LOG) to stats.json:
  stats.py TARGET SECONDS RESULT LOG"""
import json, os, re, subprocess, sys, time

target, seconds, result, log = sys.argv[1:5]
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "stats.json")
with open(log, encoding="utf-8", errors="replace") as f:
    text = f.read()
found = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
executions = sum(int(n) for n in found)
try:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=here, capture_output=True,
                            text=True, check=True).stdout.strip()
except (OSError, subprocess.CalledProcessError):
    commit = ""
stats = {"totals": {}, "runs": []}
if os.path.exists(path):
    with open(path, encoding="utf-8") as f:
        stats = json.load(f)
stats["runs"].append({"target": target, "seconds": int(seconds), "executions": executions,
                      "result": result, "commit": commit,
                      "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
stats["totals"][target] = stats["totals"].get(target, 0) + executions
stats["totals"] = dict(sorted(stats["totals"].items()))
with open(path, "w", encoding="utf-8") as f:
    json.dump(stats, f, indent=1)
    f.write("\n")
print(f"scripts/fuzz: {target}: {executions} executions ({result}); {stats['totals'][target]} in all")
