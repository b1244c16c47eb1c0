#!/usr/bin/env python3
"""Prints one table of the benchmark results (run by `make bench`, after `cargo bench`).

Reads criterion's estimates (target/criterion/<group>/<bench>/new/{estimates,benchmark}.json)
for the groups `sample` (the reference document) and `set100` (100 documents), and times the
release binary's `disclosure compare --csv` over 1,000 documents copied from the two fixtures
into a temporary directory (median of 3 runs, with the default threads and with one).

Usage: scripts/bench-report.py [--no-compare]
"""
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
CRITERION = TARGET / "criterion"
BINARY = TARGET / "release" / "disclosure"
FIXTURES = [
    ROOT / "fixtures" / "xinjiang-korla-chaoyang-2024-budget.txt",
    ROOT / "fixtures" / "synthetic-sample-renamed.txt",
]
GROUPS = [("sample", "sample (1 document)"), ("set100", "100 documents")]
BENCHES = ["lower_bound", "parse", "check", "analyze"]


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {model}"


def estimate(group, bench):
    d = CRITERION / group / bench / "new"
    try:
        est = json.loads((d / "estimates.json").read_text())
        meta = json.loads((d / "benchmark.json").read_text())
    except (OSError, ValueError):
        return None
    ns = est["median"]["point_estimate"]
    throughput = meta.get("throughput") or {}
    size = throughput.get("Bytes") or throughput.get("BytesDecimal")
    return ns, size


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.2f} {unit}"
    return f"{ns:.0f} ns"


def time_compare(n_docs=1000, runs=3):
    if not BINARY.exists():
        return None, f"{BINARY} not found: run cargo build --release -p disclosure-cli"
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="disclosure-bench-"))
    try:
        paths = []
        for i in range(n_docs):
            src = FIXTURES[i % 2]
            dst = tmp / f"doc-{i:04d}.txt"
            shutil.copyfile(src, dst)
            paths.append(str(dst))
        total = sum(os.path.getsize(p) for p in paths)
        results = {}
        for label, threads in (("default threads", None), ("1 thread", "1")):
            env = dict(os.environ)
            if threads:
                env["DISCLOSURE_THREADS"] = threads
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                proc = subprocess.run([str(BINARY), "compare", "--csv", *paths], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                times.append(time.perf_counter() - start)
                if proc.returncode != 0:
                    return None, f"disclosure compare failed: {proc.stderr.decode()[:200]}"
            results[label] = statistics.median(times)
        return (results, total), None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    rows = []
    print(f"machine: {machine()}")
    print(f"profile: cargo bench (inherits [profile.release]); source: {CRITERION}")
    print()
    header = f"{'input':<22} {'step':<15} {'median':>10} {'MB/s':>9} {'÷ lower bound':>14}"
    print(header)
    print("-" * len(header))
    missing = False
    for group, title in GROUPS:
        lb = estimate(group, "lower_bound")
        for bench in BENCHES:
            e = estimate(group, bench)
            if e is None:
                print(f"{title:<22} {bench:<15} {'(not run)':>10}")
                missing = True
                continue
            ns, size = e
            mbs = f"{size / (ns / 1e9) / 1e6:.1f}" if size else "—"
            ratio = f"{ns / lb[0]:.1f}×" if lb and bench != "lower_bound" else ""
            print(f"{title:<22} {bench:<15} {fmt_time(ns):>10} {mbs:>9} {ratio:>14}")
    if "--no-compare" not in sys.argv:
        res, err = time_compare()
        if err:
            print(f"disclosure compare: {err}")
            missing = True
        else:
            results, total = res
            for label, secs in results.items():
                mbs = total / secs / 1e6
                title = "compare 1,000 files"
                print(f"{title:<22} {label:<15} {fmt_time(secs * 1e9):>10} {mbs:>9.1f}")
    print()
    print("MB/s = input bytes ÷ median time (1 MB = 10^6 bytes). lower bound = split into lines and "
          "parse every number token into a Decimal.")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
