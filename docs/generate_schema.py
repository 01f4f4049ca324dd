"""Write docs/plan-format-v1.schema.json and -v2 from the plan model: run it after any change to the format."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pipdesk.planfile import READABLE_VERSIONS, json_schema


def schema_path(version: int) -> Path:
    return Path(__file__).with_name(f"plan-format-v{version}.schema.json")


def schema_text(version: int) -> str:
    """The JSON Schema of a plan file as committed: 2-space indent, UTF-8 unescaped, a final newline."""
    return json.dumps(json_schema(version), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    for version in READABLE_VERSIONS:
        schema_path(version).write_text(schema_text(version), encoding="utf-8", newline="\n")
        print(f"Wrote {schema_path(version)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
