"""``pipdesk list`` the fast way (#21): ``--json`` prints exactly what ``json.dumps(..., indent=2)`` would, and a
command runs with the garbage collector's first threshold raised, restored afterwards."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from pipdesk.cli import json_of_flat_objects, main
from pipdesk.store import PlanBook
from pipdesk.store.plan_book import PlanSummary

from conftest import load_sample

#: Names a script must get back character for character: markup, quotes, backslashes, other scripts,
#: line breaks, and text shaped like the separators the fast writer relies on.
AWKWARD = [
    '<b>Zoë</b> &amp; "Ада" \\ Ng',
    "王秀英 / محمد",
    "},\n    {",
    'ends with a brace }",',
    "tab\there\r\nand a line break\u2028",
]


def test_list_json_is_json_dumps_indented_for_awkward_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "book.pipdesk"
    with PlanBook.open(db) as book:
        for text in AWKWARD:
            plan = load_sample("alex-delivery-active")
            plan.employee.name = text
            plan.title = text
            book.add(plan)
        book.add(load_sample("beth-communication-closed"))  # next check-in null
        expected = [summary.to_json() for summary in book.summaries()]
    assert main(["list", "--json", "--db", str(db)]) == 0
    printed = capsys.readouterr().out
    assert printed == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    assert [item["employee"] for item in json.loads(printed)].count("},\n    {") == 1


@pytest.mark.parametrize(
    "items",
    [
        [],
        [{}],
        [{"a": 1}, {}],
        [{"id": 1, "nested": {"b": [1, 2]}}],
        [{"id": 1, "list": []}],
        [{"n": None, "t": True, "f": False, "x": 1.5, "big": 10**20, "s": 'é\u2028\\"}'}],
        [{"a": "},\n    {"}, {"b": "]"}],
    ],
    ids=["nothing", "empty object", "an empty object last", "nested", "a list", "every scalar", "separators"],
)
def test_json_of_flat_objects_is_json_dumps_indented(items: list[dict[str, object]]) -> None:
    assert json_of_flat_objects(items) == json.dumps(items, indent=2, ensure_ascii=False)


def test_a_command_runs_with_fewer_collections_and_puts_the_thresholds_back(
    book_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with PlanBook.open(book_path) as book:
        book.add(load_sample("alex-delivery-active"))
    seen: list[tuple[int, int, int]] = []
    read = PlanBook.summaries

    def summaries(book: PlanBook, *, search_text: bool = True) -> list[PlanSummary]:
        seen.append(gc.get_threshold())
        return read(book, search_text=search_text)

    monkeypatch.setattr(PlanBook, "summaries", summaries)
    before = gc.get_threshold()
    assert main(["list", "--db", str(book_path)]) == 0
    assert "Alex Moreno" in capsys.readouterr().out
    assert seen[0][0] >= 50_000 > before[0]
    assert gc.get_threshold() == before


def test_demo_that_opens_the_window_keeps_the_usual_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[tuple[int, int, int]] = []

    def run_app(db: Path | None, passphrase: str | None = None, file: Path | None = None, **_options: object) -> int:
        seen.append(gc.get_threshold())
        return 0

    monkeypatch.setattr("pipdesk.gui.shell.app.run_app", run_app)
    before = gc.get_threshold()
    assert main(["demo", "--db", str(tmp_path / "demo.pipdesk"), "--open"]) == 0
    assert seen == [before]
