"""Writes to a plan book until killed, printing ``done ...`` after each write returns (test_crash_safety.py).

Usage: crash_writer.py PLAN_BOOK RUN SAMPLE_JSON. Each run adds a plan titled ``run RUN``, then keeps
logging check-ins on it (``done RUN K``) and, every fifth write, adds another plan (``added RUN K``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipdesk.domain import Checkin
from pipdesk.planfile import parse_plan_file
from pipdesk.store import PlanBook


def main() -> None:
    path, run, sample = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    template = parse_plan_file(sample.read_bytes())
    book = PlanBook.open(path)
    print("ready", flush=True)
    plan = template.model_copy(deep=True)
    plan.title = f"run {run}"
    plan.checkins = []
    plan_id = book.add(plan)
    print(f"plan {run} {plan_id}", flush=True)
    write = 0
    while True:
        write += 1
        if write % 5 == 0:
            extra = template.model_copy(deep=True)
            extra.title = f"run {run} extra {write}"
            book.add(extra)
            print(f"added {run} {write}", flush=True)
            continue
        plan = book.get(plan_id)
        plan.checkins.append(Checkin(date=plan.start_date, notes=f"run {run} write {write}"))
        plan.summary = f"last write {write} of run {run}"
        book.save(plan_id, plan)
        print(f"done {run} {write}", flush=True)


if __name__ == "__main__":
    main()
