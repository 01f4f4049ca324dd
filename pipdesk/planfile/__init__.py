"""The plan file (format version 2, reading 1 too): the JSON interchange contract for import and export."""

from pipdesk.planfile.format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_PLAN_FILE_BYTES,
    READABLE_VERSIONS,
    dump_plan_file,
    json_schema,
    parse_plan_file,
    read_plan_json,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_PLAN_FILE_BYTES",
    "READABLE_VERSIONS",
    "dump_plan_file",
    "json_schema",
    "parse_plan_file",
    "read_plan_json",
]
