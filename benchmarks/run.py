"""pipdesk at scale: ``.venv/bin/python benchmarks/run.py`` prints each figure against its goal.

Everything runs offscreen in a temporary folder (its own plan books, settings and logs); about
two minutes on two cores. Start-up is measured against a bare PySide6 window launched the same
way in the same run, alternating, so the noise of the machine falls on both; the in-process
figures are shown next to the same action on an ordinary plan or the demo plan book.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from pipdesk.services.samples import add_demo_plans, add_generated_plans  # noqa: E402
from pipdesk.store import PlanBook  # noqa: E402


def launch(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time from start to exit of a process that quits once its window is shown, and its peak RSS in MB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024


def interactive(book: Path, env: dict[str, str], *options: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(HERE / "interactive.py"), str(book), *options],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=10_000, help="plans in the big plan book (default 10,000)")
    parser.add_argument("--runs", type=int, default=7, help="launches of each kind for the start-up medians")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pipdesk-bench-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PIPDESK_QUIT_WHEN_SHOWN": "1",
        "HOME": str(work / "home"),
        "XDG_CONFIG_HOME": str(work / "home" / "config"),
        "XDG_DATA_HOME": str(work / "home" / "data"),
        "XDG_STATE_HOME": str(work / "home" / "state"),
        "PYTHONPATH": str(ROOT),
    }
    try:
        big, small = work / "big.pipdesk", work / "demo.pipdesk"
        start = time.perf_counter()
        with PlanBook.open(big) as book:
            add_generated_plans(book, args.plans)
        write_time = time.perf_counter() - start
        with PlanBook.open(small) as book:
            add_demo_plans(book)
        print(f"Wrote {args.plans:,} generated plans in {write_time:.1f} s ({big.stat().st_size / 2**20:.0f} MB)")

        bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
        big_cmd = [sys.executable, "-m", "pipdesk", "--db", str(big)]
        small_cmd = [sys.executable, "-m", "pipdesk", "--db", str(small)]
        for command in (bare_cmd, big_cmd, small_cmd):  # warm-up: file caches, the migration of a new book
            launch(command, env)
        times: dict[str, list[float]] = {"bare": [], "big": [], "small": []}
        memory: dict[str, list[float]] = {"bare": [], "big": [], "small": []}
        for _ in range(args.runs):
            for name, command in (("bare", bare_cmd), ("big", big_cmd), ("small", small_cmd)):
                elapsed, rss = launch(command, env)
                times[name].append(elapsed)
                memory[name].append(rss)
        median = {name: statistics.median(values) for name, values in times.items()}

        shutil.copy(big, work / "big-interactive.pipdesk")
        shutil.copy(small, work / "demo-interactive.pipdesk")
        on_big = interactive(work / "big-interactive.pipdesk", env)
        on_small = interactive(work / "demo-interactive.pipdesk", env, "--search-only")
        command_line = command_line_times(work, big, small, env, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ms = 1000
    rows = [
        (
            f"launch to window shown, {args.plans:,} plans ÷ bare PySide6 window",
            f"{median['big'] / median['bare']:.2f}×",
            "≤ 1.3×",
            median["big"] / median["bare"] <= 1.3,
            f"{median['big']:.2f} s vs {median['bare']:.2f} s (demo book: {median['small']:.2f} s, "
            f"{median['small'] / median['bare']:.2f}×)",
        ),
        (
            f"search keystroke → list updated, {on_big['plans']:,} plans (median)",
            f"{on_big['keystroke_median'] * ms:.0f} ms",
            "≤ 30 ms",
            on_big["keystroke_median"] <= 0.030,
            f"max {on_big['keystroke_max'] * ms:.0f} ms; demo book {on_small['keystroke_median'] * ms:.1f} ms",
        ),
        (
            "open a plan with 200 check-ins in every view (median)",
            f"{on_big['open_200_median'] * ms:.0f} ms",
            "≤ 150 ms",
            on_big["open_200_median"] <= 0.150,
            f"a plan with {on_big['checkins_usual']:.0f} check-ins: {on_big['open_usual_median'] * ms:.0f} ms",
        ),
        (
            "PDF plan document, 12 check-ins (median)",
            f"{on_big['pdf_plan_median'] * ms:.0f} ms",
            "≤ 100 ms",
            on_big["pdf_plan_median"] <= 0.100,
            "in process, after one warm-up",
        ),
        (
            "PDF outcome report, 12 check-ins (median)",
            f"{on_big['pdf_outcome_median'] * ms:.0f} ms",
            "≤ 250 ms",
            on_big["pdf_outcome_median"] <= 0.250,
            "in process, after one warm-up",
        ),
        (
            f"peak memory, app launched on {args.plans:,} plans (max RSS)",
            f"{statistics.median(memory['big']):.0f} MB",
            "≤ 250 MB",
            statistics.median(memory["big"]) <= 250,
            f"bare window {statistics.median(memory['bare']):.0f} MB, demo book "
            f"{statistics.median(memory['small']):.0f} MB; after every benchmark {on_big['peak_rss_mb_end']:.0f} MB",
        ),
        *command_line_rows(command_line, args.plans),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"\n{'figure':<{width}}  {'measured':>9}  {'goal':>9}  met  reference")
    for figure, value, goal, met, note in rows:
        print(f"{figure:<{width}}  {value:>9}  {goal:>9}  {'yes' if met else 'NO ':>3}  {note}")
    return 0


def command_line_times(work: Path, big: Path, small: Path, env: dict[str, str], runs: int) -> dict[str, float]:
    """Medians of whole ``pipdesk`` processes: ``pdf plan`` alternating with ``bare_pdf.py``, and ``list --json``.

    Byte code is cached (in the temporary folder) as an installed pipdesk's is, so neither side compiles
    its modules on every run (``PYTHONDONTWRITEBYTECODE``, where set, would make pipdesk alone do so).
    """
    env = {**env, "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    pipdesk = [sys.executable, "-m", "pipdesk"]
    commands = {
        "bare_pdf": [sys.executable, str(HERE / "bare_pdf.py"), str(work / "bare.pdf")],
        "pdf_plan": [*pipdesk, "pdf", "plan", "1", "--db", str(small), "-o", str(work / "plan.pdf")],
        "list_json": [*pipdesk, "list", "--json", "--db", str(big)],
    }
    for command in commands.values():  # warm-up: byte code, file caches
        launch(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(launch(command, env)[0])
    return {name: statistics.median(values) for name, values in times.items()}


def command_line_rows(median: dict[str, float], plans: int) -> list[tuple[str, str, str, bool, str]]:
    ratio = median["pdf_plan"] / median["bare_pdf"]
    return [
        (
            "pipdesk pdf plan (whole process) ÷ bare Python + ReportLab page",
            f"{ratio:.2f}×",
            "≤ 2×",
            ratio <= 2,
            f"{median['pdf_plan']:.2f} s vs {median['bare_pdf']:.2f} s (benchmarks/bare_pdf.py); demo book, plan 1",
        ),
        (
            f"pipdesk list --json, {plans:,} plans (whole process)",
            f"{median['list_json']:.2f} s",
            "≤ 0.5 s",
            median["list_json"] <= 0.5,
            "median of the same alternating runs",
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
