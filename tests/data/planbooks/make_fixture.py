"""Write the fixture plan book of the current schema: run once when a schema step is released.

    python tests/data/planbooks/make_fixture.py 0002

The file keeps the four sample plans, so a test can migrate it to any later schema and compare.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from pipdesk.store import PlanBook  # noqa: E402

from conftest import SAMPLE_NAMES, load_sample  # noqa: E402


def main(schema: str) -> None:
    path = HERE / f"schema-{schema}.pipdesk"
    path.unlink(missing_ok=True)
    with PlanBook.open(path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
        book.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        book.db.execute("PRAGMA journal_mode = DELETE")
    print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1])
