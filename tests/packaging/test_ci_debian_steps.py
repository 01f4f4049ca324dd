"""CI builds the Debian package from the bundle it has just smoke-tested, then installs and checks it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_the_package_is_built_and_checked_after_the_bundle_and_before_the_test_suite() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    position = {line: number for number, line in enumerate(lines)}
    selftest = next(n for n, line in enumerate(lines) if line.endswith('"$bundle/pipdesk" selftest'))
    suite = next(n for n, line in enumerate(lines) if line.endswith(".venv/bin/python -m pytest"))
    assert selftest < position[".ci/build-deb .venv/bin/python"] < position['.ci/check-deb "$version"'] < suite


def test_the_package_may_not_pass_60_mb() -> None:
    script = (ROOT / ".ci" / "build-deb").read_text(encoding="utf-8")
    assert "max_bytes=$((60 * 1000 * 1000))" in script
    assert 'if [ "$size" -gt "$max_bytes" ]; then' in script


def test_each_lintian_tag_the_check_accepts_is_explained_in_the_docs() -> None:
    check = (ROOT / ".ci" / "check-deb").read_text(encoding="utf-8")
    assert 'grep -qF "\\`$tag\\`" docs/packaging.md' in check
    docs = (ROOT / "docs" / "packaging.md").read_text(encoding="utf-8")
    table = docs.split("### lintian", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert len(rows) >= 6 and all(" | " in row and len(row.split(" | ")[1]) > 30 for row in rows)
