"""Run every benchmark at one size and write what they print, with the machine, to a file.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--persons 5000] [--out benchmarks/results.txt]

The data set is the Landkreis of issue 9 (dataset.py), made on the first run of a size and kept. docs/performance.md
summarises the latest full run. Not part of the pass/fail tests; tests/e2e/test_benchmarks.py runs it at a tiny
size so that the scripts keep working.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)  # fmt: skip
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{cpu}, {os.cpu_count()} cores, {memory} GiB, {system}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--changes", type=int, default=10_000, help="changes in the sync bundle")
    parser.add_argument("--runs", type=int, help="repetitions per figure (default: each script's own)")
    parser.add_argument("--out", type=Path, default=HERE / "results.txt")
    args = parser.parse_args()
    size = ["--persons", str(args.persons)]
    runs = ["--runs", str(args.runs)] if args.runs else []
    queries = ["--queries", str(min(200, args.persons))]
    scripts = [("bench_core.py", size + queries), ("bench_gui.py", size + runs), ("bench_stats.py", size + runs),
               ("bench_pdf.py", runs), ("bench_sync.py", [*size, "--changes", str(args.changes), *runs])]  # fmt: skip
    lines = [f"# {datetime.now():%Y-%m-%d %H:%M}  {machine()}", ""]
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = False
    for script, extra in scripts:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / script), *extra], capture_output=True, text=True,
                              env=environment)  # fmt: skip
        lines += [f"## {script} {' '.join(extra)}  ({time.perf_counter() - started:.0f} s)", done.stdout.rstrip()]
        if done.returncode:
            failed = True
            lines.append(f"FAILED ({done.returncode}): {done.stderr.strip()[-2000:]}")
        lines.append("")
        print("\n".join(lines[-3:]), flush=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written: {args.out}")
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
