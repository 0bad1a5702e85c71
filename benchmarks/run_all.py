"""Run every benchmark at one size and write what they print, with the machine, to a file.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py [--persons 5000] [--out benchmarks/results.txt]

docs/performance.md summarises the latest full run. Not part of the tests.
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
    parser.add_argument("--out", type=Path, default=HERE / "results.txt")
    args = parser.parse_args()
    size = ["--persons", str(args.persons)]
    runs = [("bench_core.py", size), ("bench_gui.py", size), ("bench_stats.py", size), ("bench_pdf.py", []),
            ("bench_sync.py", [])]  # fmt: skip
    lines = [f"# {datetime.now():%Y-%m-%d %H:%M}  {machine()}", ""]
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for script, extra in runs:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / script), *extra], capture_output=True, text=True,
                              env=environment)  # fmt: skip
        lines += [f"## {script} {' '.join(extra)}  ({time.perf_counter() - started:.0f} s)", done.stdout.rstrip()]
        if done.returncode:
            lines.append(f"FAILED ({done.returncode}): {done.stderr.strip()[-2000:]}")
        lines.append("")
        print("\n".join(lines[-3:]), flush=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
