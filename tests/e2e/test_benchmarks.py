"""The benchmarks keep working: benchmarks/run_all.py at a tiny size, as the full run would (docs/performance.md).

Only that every script runs and prints its figures with a ratio against its raw baseline: timings are never
judged here, since the machines are shared and noisy.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ("bench_core.py", "bench_gui.py", "bench_stats.py", "bench_pdf.py", "bench_sync.py")


def test_every_benchmark_runs_on_a_small_landkreis_and_prints_its_ratios(tmp_path: Path) -> None:
    out = tmp_path / "results.txt"
    environment = {**os.environ, "BENCH_DATA": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen",
                   "INTEGRATIONSPLAN_CONFIG_DIR": str(tmp_path / "config")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run_all.py"), "--persons", "30", "--changes", "500", "--runs",
         "2", "--out", str(out)],
        capture_output=True, text=True, env=environment, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    assert re.match(r"# \d{4}-\d\d-\d\d \d\d:\d\d  .+, \d+ cores, \d+ GiB, Linux", text)  # the machine described
    for script in SCRIPTS:
        assert f"## {script}" in text, script
    assert "FAILED" not in text
    assert "data set landkreis-30.db: 30 person" in text
    ratios = [float(r) for r in re.findall(r"ratio(?: to counting)?\s+([0-9.]+)", text)]
    assert len(ratios) >= 20 and all(r > 0 for r in ratios)
    assert re.search(r"peak memory of a session \(fresh process\)\s+[1-9][0-9.]* MB", text)
    assert (tmp_path / "data" / "landkreis-30.db").is_file()  # kept for the next run
