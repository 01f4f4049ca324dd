"""Write docs/plan-format-v1.schema.json from the plan model: run it after any change to the format."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipdesk.planfile import json_schema

SCHEMA_PATH = Path(__file__).with_name("plan-format-v1.schema.json")


def schema_text() -> str:
    """The JSON Schema of a plan file as committed: 2-space indent, UTF-8 unescaped, a final newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8", newline="\n")
    print(f"Wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
