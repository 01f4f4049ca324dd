"""pipdesk at scale: ``.venv/bin/python benchmarks/run.py`` prints each figure against its goal.

Everything runs offscreen in a temporary folder (its own plan books, settings and logs); about
two minutes on two cores. Start-up (to the window's first paint) is measured against the floor:
``floor_window.py``, the least a PySide6 window showing the same plan book's plan list can do,
launched the same way in the same run, alternating, so the noise of the machine falls on both
(and against a bare PySide6 window, ``bare_window.py``). The in-process figures are shown next to
the same action on an ordinary plan or the demo plan book.
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


def launch(command: list[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """A process that quits once its window is painted: the time from its start to that paint (it prints
    ``shown at <time.monotonic()>``, one clock for every process), to its exit, its peak RSS in MB, and the
    processor time it used to its exit (user + system: steadier than wall time on a shared machine)."""
    start = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    output = process.stdout.read()  # to the end: the process has closed it by exiting
    _pid, status, usage = os.wait4(process.pid, 0)
    exited = time.monotonic() - start
    process.stdout.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {process.returncode}")
    stamps = [line.split()[-1] for line in output.splitlines() if line.startswith("shown at ")]
    if not stamps:
        raise SystemExit(f"{' '.join(command)} did not say when its window was shown")
    return float(stamps[0]) - start, exited, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def whole_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time from the start of a command to its exit (it must succeed), and the processor time it used."""
    start = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime


def interactive(book: Path, env: dict[str, str], *options: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(HERE / "interactive.py"), str(book), *options],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def installed_pipdesk() -> list[str]:
    """``pipdesk`` as the README installs it (the script pip writes beside this Python), else ``python -m pipdesk``.

    The script imports ``pipdesk.cli`` and calls it; ``-m`` also loads ``runpy`` (~3 ms), which nobody who
    starts pipdesk from the applications menu or the command line pays."""
    script = Path(sys.executable).with_name("pipdesk")
    return [str(script)] if script.is_file() and os.access(script, os.X_OK) else [sys.executable, "-m", "pipdesk"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=10_000, help="plans in the big plan book (default 10,000)")
    parser.add_argument("--runs", type=int, default=7, help="launches of each kind for the start-up medians")
    parser.add_argument(
        "--bundle",
        type=Path,
        metavar="DIR",
        help="time the packaged bundle in DIR (dist/pipdesk-VERSION) instead of the installed pipdesk: the launch and "
        "command-line figures only (docs/packaging.md)",
    )
    args = parser.parse_args()
    pipdesk = [str(args.bundle.resolve() / "pipdesk")] if args.bundle else installed_pipdesk()

    work = Path(tempfile.mkdtemp(prefix="pipdesk-bench-"))
    (work / "run").mkdir(mode=0o700)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PIPDESK_QUIT_WHEN_SHOWN": "1",
        "HOME": str(work / "home"),
        "XDG_CONFIG_HOME": str(work / "home" / "config"),
        "XDG_DATA_HOME": str(work / "home" / "data"),
        "XDG_STATE_HOME": str(work / "home" / "state"),
        "XDG_RUNTIME_DIR": str(work / "run"),  # its own: a pipdesk open elsewhere would be handed the launches
        "PYTHONPATH": str(ROOT),
        # As an installed pipdesk runs: its modules compiled once (the first launch, a warm-up, writes them).
        "PYTHONPYCACHEPREFIX": str(work / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        big, small = work / "big.pipdesk", work / "demo.pipdesk"
        start = time.perf_counter()
        with PlanBook.open(big) as book:
            add_generated_plans(book, args.plans)
        write_time = time.perf_counter() - start
        with PlanBook.open(small) as book:
            add_demo_plans(book)
        print(f"Wrote {args.plans:,} generated plans in {write_time:.1f} s ({big.stat().st_size / 2**20:.0f} MB)")
        print(f"pipdesk started as: {' '.join(pipdesk)}")

        commands = {
            "bare": [sys.executable, str(HERE / "bare_window.py")],
            "floor big": [sys.executable, str(HERE / "floor_window.py"), str(big)],
            "big": [*pipdesk, "--db", str(big)],
            "floor demo": [sys.executable, str(HERE / "floor_window.py"), str(small)],
            "demo": [*pipdesk, "--db", str(small)],
        }
        for command in commands.values():  # warm-up: file caches, compiled modules, the migration of a new book
            launch(command, env)
        shown: dict[str, list[float]] = {name: [] for name in commands}
        exited: dict[str, list[float]] = {name: [] for name in commands}
        memory: dict[str, list[float]] = {name: [] for name in commands}
        processor: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):  # alternating, so the machine's mood falls on all alike
            for name, command in commands.items():
                to_paint, to_exit, rss, cpu = launch(command, env)
                shown[name].append(to_paint)
                exited[name].append(to_exit)
                memory[name].append(rss)
                processor[name].append(cpu)
        median = {name: statistics.median(values) for name, values in shown.items()}
        median_exit = {name: statistics.median(values) for name, values in exited.items()}
        median_cpu = {name: statistics.median(values) for name, values in processor.items()}

        command_line = command_line_times(work, big, small, env, args.runs, pipdesk)
        if not args.bundle:
            shutil.copy(big, work / "big-interactive.pipdesk")
            shutil.copy(small, work / "demo-interactive.pipdesk")
            on_big = interactive(work / "big-interactive.pipdesk", env)
            on_small = interactive(work / "demo-interactive.pipdesk", env, "--search-only")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows: list[tuple[str, str, str, bool, str]] = [
        (
            f"launch to window painted, {args.plans:,} plans ÷ floor window on the same book",
            f"{median['big'] / median['floor big']:.2f}×",
            "≤ 1.5×",
            median["big"] / median["floor big"] <= 1.5,
            f"{median['big']:.2f} s vs {median['floor big']:.2f} s; bare window {median['bare']:.2f} s "
            f"({median['big'] / median['bare']:.1f}×); to exit {median_exit['big']:.2f} s; "
            + processor_time(median_cpu["big"], median_cpu["floor big"]),
        ),
        (
            "launch to window painted, demo plan book ÷ floor window on the same book",
            f"{median['demo'] / median['floor demo']:.2f}×",
            "≤ 1.3×",
            median["demo"] / median["floor demo"] <= 1.3,
            f"{median['demo']:.2f} s vs {median['floor demo']:.2f} s; bare window {median['bare']:.2f} s "
            f"({median['demo'] / median['bare']:.1f}×); to exit {median_exit['demo']:.2f} s; "
            + processor_time(median_cpu["demo"], median_cpu["floor demo"]),
        ),
    ]
    if not args.bundle:
        rows += in_process_rows(on_big, on_small)
    rows += [
        (
            f"peak memory, app launched on {args.plans:,} plans (max RSS)",
            f"{statistics.median(memory['big']):.0f} MB",
            "≤ 250 MB",
            statistics.median(memory["big"]) <= 250,
            f"floor window {statistics.median(memory['floor big']):.0f} MB, demo book "
            f"{statistics.median(memory['demo']):.0f} MB"
            + ("" if args.bundle else f"; after every benchmark {on_big['peak_rss_mb_end']:.0f} MB"),
        ),
        *command_line_rows(command_line, args.plans),
    ]
    width = max(len(row[0]) for row in rows)
    print(f"\n{'figure':<{width}}  {'measured':>9}  {'goal':>9}  met  reference")
    for figure, value, goal, met, note in rows:
        print(f"{figure:<{width}}  {value:>9}  {goal:>9}  {'yes' if met else 'NO ':>3}  {note}")
    return 0


def in_process_rows(on_big: dict[str, float], on_small: dict[str, float]) -> list[tuple[str, str, str, bool, str]]:
    ms = 1000
    return [
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
    ]


def command_line_times(
    work: Path, big: Path, small: Path, env: dict[str, str], runs: int, pipdesk: list[str]
) -> dict[str, float]:
    """Medians of whole ``pipdesk`` processes: ``pdf plan`` alternating with ``bare_pdf.py``, and ``list --json``.

    Byte code is cached (in the temporary folder) as an installed pipdesk's is, so neither side compiles
    its modules on every run (``PYTHONDONTWRITEBYTECODE``, where set, would make pipdesk alone do so).
    """
    env = {**env, "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = {
        "bare_pdf": [sys.executable, str(HERE / "bare_pdf.py"), str(work / "bare.pdf")],
        "pdf_plan": [*pipdesk, "pdf", "plan", "1", "--db", str(small), "-o", str(work / "plan.pdf")],
        "list_json": [*pipdesk, "list", "--json", "--db", str(big)],
    }
    for command in commands.values():  # warm-up: byte code, file caches
        whole_process(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    processor: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu = whole_process(command, env)
            times[name].append(wall)
            processor[name].append(cpu)
    medians = {name: statistics.median(values) for name, values in times.items()}
    medians.update({f"{name} cpu": statistics.median(values) for name, values in processor.items()})
    return medians


def processor_time(measured: float, reference: float) -> str:
    """The processor times (to exit) of a process and its reference, and their ratio: a steadier second look."""
    return f"process time {measured:.2f} s vs {reference:.2f} s ({measured / reference:.2f}×)"


def command_line_rows(median: dict[str, float], plans: int) -> list[tuple[str, str, str, bool, str]]:
    ratio = median["pdf_plan"] / median["bare_pdf"]
    return [
        (
            "pipdesk pdf plan (whole process) ÷ bare Python + ReportLab page",
            f"{ratio:.2f}×",
            "≤ 2×",
            ratio <= 2,
            f"{median['pdf_plan']:.2f} s vs {median['bare_pdf']:.2f} s (benchmarks/bare_pdf.py); demo book, plan 1; "
            + processor_time(median["pdf_plan cpu"], median["bare_pdf cpu"]),
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
